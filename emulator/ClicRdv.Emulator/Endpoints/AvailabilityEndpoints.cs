using System;
using System.Linq;
using System.Text.Json.Nodes;
using ClicRdv.Emulator.Data;
using ClicRdv.Emulator.Pipeline;

namespace ClicRdv.Emulator.Endpoints;

/// <summary>
/// <c>GET .../availabletimeslots</c>: for the services asked, every start in the window where enough calendars are free
/// for their whole duration. The window starts at <c>start</c> (now by default) and ends at <c>end</c> or after
/// <c>nDays</c> days (7 by default).
/// </summary>
internal sealed class AvailabilityEndpoints
{
    private readonly Store _store;
    private readonly TimeProvider _clock;

    public AvailabilityEndpoints(Store store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
    }

    public ApiResult Get(ApiCall call)
    {
        var groupId = call.PathLong("gid");
        var interventionIds = call.QueryLongs("intervention_ids[]");
        var now = ClicRdvTime.Now(_clock);
        var from = ClicRdvTime.TryRead(call.QueryValue("start"), out var start) && start > now ? start : now;
        var to = ClicRdvTime.TryRead(call.QueryValue("end"), out var end) ? end : from.Date.AddDays(call.QueryLong("nDays") ?? 7);
        var needed = (int)Math.Max(call.QueryLong("cal_qty") ?? 1, call.QueryLong("min_capacity") ?? 1);

        return _store.Locked(tables =>
        {
            if (interventionIds.Any(id => tables.Find("interventions", id) is not { } intervention || intervention.Long("group_id") != groupId))
            {
                return ApiResult.Error(400, "intervention_ids names a service this group does not have.");
            }

            var minutes = Scheduling.Minutes(tables, interventionIds);
            var calendarIds = Calendars(tables, call, groupId);
            var slots = new JsonArray();
            foreach (var slotStart in Scheduling.Starts(from, to))
            {
                var free = calendarIds.Where(id => Scheduling.IsFree(tables, id, slotStart, slotStart.AddMinutes(minutes))).ToList();
                if (free.Count >= needed)
                {
                    slots.Add(new JsonObject
                    {
                        ["start"] = ClicRdvTime.Write(slotStart),
                        ["capacity"] = free.Count,
                        ["calendar_ids"] = new JsonArray(free.Select(id => (JsonNode)JsonValue.Create(id)).ToArray()),
                    });
                }
            }

            return ApiResult.Ok(new JsonObject
            {
                ["group_id"] = groupId,
                ["firstSlot"] = slots.Count > 0 ? slots[0]!["start"]!.DeepClone() : null,
                ["intervention_ids"] = new JsonArray(interventionIds.Select(id => (JsonNode)JsonValue.Create(id)).ToArray()),
                ["calendar_id"] = call.QueryLong("calendar_id"),
                ["calendar_ids"] = call.QueryLongs("calendar_ids[]") is { Count: > 0 } asked ? new JsonArray(asked.Select(id => (JsonNode)JsonValue.Create(id)).ToArray()) : null,
                ["availabletimeslots"] = slots,
            });
        });
    }

    /// <summary>The group's calendars that are not deleted, narrowed by <c>calendar_id</c>, <c>calendar_ids[]</c> and <c>calendarset_ids[]</c>.</summary>
    private static long[] Calendars(Store tables, ApiCall call, long groupId)
    {
        var only = call.QueryLong("calendar_id");
        var ids = call.QueryLongs("calendar_ids[]");
        var sets = call.QueryLongs("calendarset_ids[]");
        return tables.Rows("calendars")
            .Where(calendar => calendar.Long("group_id") == groupId && !calendar.Flag("deleted"))
            .Where(calendar => only is null || calendar.Long("id") == only)
            .Where(calendar => ids.Count == 0 || ids.Contains(calendar.Long("id")))
            .Where(calendar => sets.Count == 0 || sets.Contains(calendar.Long("calendarset_id")))
            .Select(calendar => calendar.Long("id"))
            .ToArray();
    }
}
