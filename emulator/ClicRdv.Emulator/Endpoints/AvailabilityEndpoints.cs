using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ClicRdv.Emulator.Data;
using ClicRdv.Emulator.Pipeline;

namespace ClicRdv.Emulator.Endpoints;

/// <summary>
/// <c>GET .../availabletimeslots</c>: for the services asked, every start in the window where enough calendars are free
/// for their whole duration. The window starts at <c>start</c> (now by default, Paris time) and ends at <c>end</c> or
/// after <c>nDays</c> days (7 by default); it is at most <see cref="RequestBounds.MaxWindowDays"/> days long. What the
/// slots depend on is copied under the store's lock; the slots are computed outside it.
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
        var (from, to) = Window(call, ClicRdvTime.Now(_clock));
        var needed = Math.Max(call.QueryLong("cal_qty") ?? 1, call.QueryLong("min_capacity") ?? 1);

        var (unknownService, duration, agenda) = _store.Locked(tables =>
        {
            var unknown = interventionIds.Any(id => tables.Find("interventions", id) is not { } intervention || intervention.Long("group_id") != groupId);
            var length = Scheduling.Duration(tables, interventionIds);
            return (unknown, length, Agenda.Of(tables, Calendars(tables, call, groupId), from, to + length));
        });
        if (unknownService)
        {
            return ApiResult.Error(400, "intervention_ids names a service this group does not have.");
        }

        var slots = new JsonArray();
        foreach (var slotStart in Scheduling.Starts(from, to))
        {
            var free = agenda.CalendarIds.Where(id => agenda.IsFree(id, slotStart, slotStart + duration)).ToList();
            if (free.Count >= needed)
            {
                slots.Add(new JsonObject
                {
                    ["start"] = ClicRdvTime.Write(slotStart),
                    ["capacity"] = free.Count,
                    ["calendar_ids"] = Ids(free),
                });
            }
        }

        return ApiResult.Ok(new JsonObject
        {
            ["group_id"] = groupId,
            ["firstSlot"] = slots.Count > 0 ? slots[0]!["start"]!.DeepClone() : null,
            ["intervention_ids"] = Ids(interventionIds),
            ["calendar_id"] = call.QueryLong("calendar_id"),
            ["calendar_ids"] = call.QueryLongs("calendar_ids[]") is { Count: > 0 } asked ? Ids(asked) : null,
            ["availabletimeslots"] = slots,
        });
    }

    /// <summary>
    /// [from, to): from the later of <c>start</c> and now, to <c>end</c> or the day <c>nDays</c> after. <c>end</c> must be
    /// after <c>start</c> (now when it is not given), and neither <c>end</c> nor <c>nDays</c> may reach past the longest window.
    /// </summary>
    private static (DateTime From, DateTime To) Window(ApiCall call, DateTime now)
    {
        var start = Date(call, "start") ?? now;
        var from = start > now ? start : now;
        if (call.QueryLong("nDays") is { } days && days is < 1 or > RequestBounds.MaxWindowDays)
        {
            throw new RequestRefusedException($"nDays is {days}; it takes 1 to {RequestBounds.MaxWindowDays}");
        }

        if (Date(call, "end") is not { } end)
        {
            return (from, from.Date.AddDays(call.QueryLong("nDays") ?? 7));
        }

        if (end <= start)
        {
            throw new RequestRefusedException($"end ({ClicRdvTime.Write(end)}) is not after start ({ClicRdvTime.Write(start)}{(call.QueryValue("start") is null ? ", now" : string.Empty)})");
        }

        return end - start <= TimeSpan.FromDays(RequestBounds.MaxWindowDays)
            ? (from, end)
            : throw new RequestRefusedException($"end is more than {RequestBounds.MaxWindowDays} days after start");
    }

    private static DateTime? Date(ApiCall call, string name) =>
        call.QueryValue(name) is not { } text ? null
        : ClicRdvTime.TryRead(text, out var date) ? date
        : throw new RequestRefusedException($"{name} is '{text}', not a date-time {ClicRdvTime.Format}");

    /// <summary>The group's calendars that are not deleted, narrowed by <c>calendar_id</c>, <c>calendar_ids[]</c> and <c>calendarset_ids[]</c>.</summary>
    private static List<long> Calendars(Store tables, ApiCall call, long groupId)
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
            .ToList();
    }

    private static JsonArray Ids(IEnumerable<long> ids) => new(ids.Select(id => (JsonNode)JsonValue.Create(id)).ToArray());
}
