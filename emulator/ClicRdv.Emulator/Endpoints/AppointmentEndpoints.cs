using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ClicRdv.Emulator.Data;
using ClicRdv.Emulator.Pipeline;

namespace ClicRdv.Emulator.Endpoints;

/// <summary>
/// Appointments: events with a customer and a service. Booking applies the rules the emulator enforces: the customer
/// has no other appointment at that time (12 SameTimeRdv), and the calendar is free (10 NotAvailable); a missing
/// <c>calendar_id</c> picks the first free calendar. The calendar, services and customer named must be the group's.
/// </summary>
internal sealed class AppointmentEndpoints
{
    private static readonly Resource Events = new("vevents", "vevent", "Appointment", Array.Empty<string>(), () => new JsonObject(), HasTimestamps: false);

    /// <summary>A booking's calendar, when it names one (0 or null lets ClicRDV pick).</summary>
    private static readonly Reference[] BookedCalendar = { new("calendar_id", "calendars", "a calendar", ZeroMeansNone: true) };

    private readonly Store _store;
    private readonly TimeProvider _clock;

    public AppointmentEndpoints(Store store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
    }

    public ApiResult List(ApiCall call)
    {
        var groupId = call.PathLong("gid");
        var includePast = call.QueryLong("include_past") == 1;
        var now = ClicRdvTime.Write(ClicRdvTime.Now(_clock));
        var appointments = _store.Locked(tables => tables.Rows("vevents")
            .Where(row => IsAppointment(row) && ResourceEndpoints.GroupOf(tables, Events, row) == groupId)
            .Where(row => includePast || string.CompareOrdinal(row.Text("end"), now) >= 0)
            .Select(row => Present(tables, row))
            .ToList());
        return ApiResult.Ok(ListQuery.Envelope(appointments, call, "comments"));
    }

    public ApiResult Get(ApiCall call) =>
        _store.Locked(tables => ResourceEndpoints.Find(tables, call, Events) is { } row && IsAppointment(row)
            ? ApiResult.Ok(Present(tables, row))
            : ApiResult.NotFound($"Appointment {call.PathValues["id"]}"));

    public ApiResult Delete(ApiCall call) =>
        _store.Locked(tables =>
        {
            if (ResourceEndpoints.Find(tables, call, Events) is not { } row || !IsAppointment(row))
            {
                return ApiResult.NotFound($"Appointment {call.PathValues["id"]}");
            }

            row["deleted"] = true;
            row["updated_at"] = ClicRdvTime.Write(ClicRdvTime.Now(_clock));
            return ApiResult.Deleted;
        });

    public ApiResult Create(ApiCall call)
    {
        var groupId = call.PathLong("gid");
        var booking = call.Wrapped("appointment");
        if (!ClicRdvTime.TryRead(booking.Text("date"), out var start))
        {
            throw new RequestRefusedException($"date is '{booking.Text("date")}', not a date-time {ClicRdvTime.Format}");
        }

        var interventionIds = booking["intervention_ids"]!.AsArray().Select(id => id!.GetValue<long>()).ToList();
        var ficheFields = booking["fiche"] as JsonObject ?? new JsonObject();
        return _store.Locked(tables =>
        {
            if (interventionIds.Any(id => tables.Find("interventions", id) is not { } intervention || intervention.Long("group_id") != groupId || intervention.Flag("deleted")))
            {
                return ApiResult.Error(400, "intervention_ids names a service this group does not have.");
            }

            if (Reference.Foreign(tables, groupId, booking, BookedCalendar) is { } foreign)
            {
                return ApiResult.Error(400, foreign + ".");
            }

            var end = start + Scheduling.Duration(tables, interventionIds);
            var ficheId = ficheFields.Long("id");
            if (ficheId != 0 && (tables.Find("fiches", ficheId) is not { } known || known.Long("group_id") != groupId))
            {
                return ApiResult.Error(400, $"fiche {ficheId} is not a customer of this group.", 13);
            }

            if (ficheId != 0 && Scheduling.CustomerIsBusy(tables, ficheId, start, end))
            {
                return ApiResult.Error(400, "SameTimeRdv: the customer already has an appointment at that time.", 12);
            }

            var calendars = booking.Long("calendar_id") is var asked and not 0
                ? new List<long> { asked }
                : tables.Rows("calendars").Where(calendar => calendar.Long("group_id") == groupId && !calendar.Flag("deleted")).Select(calendar => calendar.Long("id")).ToList();
            var agenda = Agenda.Of(tables, calendars, start, end);
            var calendarId = calendars.FirstOrDefault(id => IsCalendarOf(tables, id, groupId) && agenda.IsFree(id, start, end));
            if (calendarId == 0)
            {
                return ApiResult.Error(400, "NotAvailable: this time slot is not available.", 10);
            }

            var fiche = SaveCustomer(tables, ficheFields, groupId);
            var now = ClicRdvTime.Write(ClicRdvTime.Now(_clock));
            var appointment = tables.Insert("vevents", new JsonObject
            {
                ["calendar_id"] = calendarId,
                ["start"] = ClicRdvTime.Write(start),
                ["end"] = ClicRdvTime.Write(end),
                ["text"] = string.Join(" + ", interventionIds.Select(id => tables.Find("interventions", id)!.Text("name"))),
                ["comments"] = booking.Text("comments"),
                ["intervention_id"] = interventionIds[0],
                ["fiche_id"] = fiche.Long("id"),
                ["from_web"] = booking["from_web"] is null || booking.Flag("from_web"),
                ["websource"] = booking.Text("websource"),
                ["note"] = false,
                ["deleted"] = false,
                ["updated_at"] = now,
            });
            // ClicRDV answers a booking in a records envelope of one, unlike its other creates (MedShake EHR reads records[0].id).
            return ApiResult.Created(new JsonObject { ["records"] = new JsonArray(Present(tables, appointment)) });
        });
    }

    private static bool IsCalendarOf(Store tables, long calendarId, long groupId) =>
        tables.Find("calendars", calendarId) is { } calendar && calendar.Long("group_id") == groupId && !calendar.Flag("deleted");

    /// <summary>Updates the customer when the booking names one, or creates it.</summary>
    private static JsonObject SaveCustomer(Store tables, JsonObject fields, long groupId)
    {
        if (fields.Long("id") is var id and not 0)
        {
            var existing = tables.Find("fiches", id)!;
            existing.Merge(fields, "id", "group_id");
            return existing;
        }

        // A customer created by a booking has "" for the strings it was not given, as ClicRDV answers ("email":"").
        var fiche = new JsonObject { ["group_id"] = groupId, ["email"] = string.Empty, ["firstphone"] = string.Empty, ["secondphone"] = string.Empty, ["from_web"] = true, ["rappel_email"] = true, ["rappel_sms"] = false, ["deleted"] = false };
        fiche.Merge(fields, "id", "group_id");
        return tables.Insert("fiches", fiche);
    }

    private static bool IsAppointment(JsonObject row) => row.Long("fiche_id") != 0 && row.Long("intervention_id") != 0;

    /// <summary>
    /// An appointment as ClicRDV answers it: the event's fields, the customer, group, calendar and service embedded, and
    /// the other members of the answer MedShake EHR captured (the values of <c>key</c>, <c>state</c>, <c>capacity</c>,
    /// <c>epj</c> and <c>created_since</c> are the emulator's own: their meaning is not documented).
    /// </summary>
    private JsonObject Present(Store tables, JsonObject row)
    {
        var calendar = tables.Find("calendars", row.Long("calendar_id"));
        var group = tables.Find("groups", calendar?.Long("group_id") ?? 0);
        var intervention = tables.Find("interventions", row.Long("intervention_id"));
        var fiche = tables.Find("fiches", row.Long("fiche_id"))?.Copy();
        return new JsonObject
        {
            ["id"] = row.Long("id"),
            ["key"] = "rdv" + row.Long("id").ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
            ["start"] = row.Text("start"),
            ["end"] = row.Text("end"),
            ["created_since"] = CreatedSince(row),
            ["state"] = row.Flag("deleted") ? 2 : 1,
            ["location"] = calendar?.Text("address"),
            ["fiche_id"] = row.Long("fiche_id"),
            ["calendar_id"] = row.Long("calendar_id"),
            ["intervention_id"] = row.Long("intervention_id"),
            ["group_id"] = group?.Long("id"),
            ["group"] = group is null ? null : new JsonObject { ["id"] = group.Long("id"), ["name"] = group.Text("name"), ["urlname"] = UrlName(group.Text("name")) },
            ["calendar"] = calendar is null ? null : new JsonObject { ["id"] = calendar.Long("id"), ["publicname"] = calendar.Text("publicname"), ["epj"] = 0 },
            ["intervention"] = intervention is null ? null : new JsonObject { ["id"] = intervention.Long("id"), ["publicname"] = intervention.Text("publicname"), ["interventionset_id"] = intervention.Long("interventionset_id"), ["length"] = intervention.Long("length") },
            ["capacity"] = 1,
            ["resource_id"] = null,
            ["websource"] = row.Text("websource"),
            ["from_web"] = row.Flag("from_web"),
            ["intervention_name"] = intervention?.Text("name"),
            ["intervention_length"] = intervention?.Long("length"),
            ["calendar_name"] = calendar?.Text("name"),
            ["group_name"] = group?.Text("name"),
            ["smsreminder"] = fiche?.Flag("rappel_sms") ?? false,
            ["comments"] = row.Text("comments"),
            ["deleted"] = row.Flag("deleted"),
            ["updated_at"] = row.Text("updated_at"),
            ["fiche"] = fiche,
        };
    }

    /// <summary>How long ago the appointment was last written, in whole days ("0 days"): the wording is the emulator's.</summary>
    private string? CreatedSince(JsonObject row) =>
        ClicRdvTime.TryRead(row.Text("updated_at"), out var written)
            ? $"{Math.Max(0, (ClicRdvTime.Now(_clock) - written).Days)} days"
            : null;

    private static string? UrlName(string? name) =>
        name is null ? null : new string(name.ToLowerInvariant().Select(character => char.IsLetterOrDigit(character) ? character : '-').ToArray());
}
