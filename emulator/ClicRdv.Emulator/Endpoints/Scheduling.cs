using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ClicRdv.Emulator.Data;

namespace ClicRdv.Emulator.Endpoints;

/// <summary>
/// When a calendar is free: opening hours (Monday to Saturday, 09:00-12:00 and 14:00-18:00) minus its events that are
/// not deleted. Shared by the available time slots and by booking, so that a slot offered can be booked.
/// </summary>
internal static class Scheduling
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    private static readonly (TimeSpan Open, TimeSpan Close)[] OpeningHours =
    {
        (TimeSpan.FromHours(9), TimeSpan.FromHours(12)),
        (TimeSpan.FromHours(14), TimeSpan.FromHours(18)),
    };

    /// <summary>Whether <paramref name="calendarId"/> is open and has no event overlapping [start, end).</summary>
    public static bool IsFree(Store tables, long calendarId, DateTime start, DateTime end) =>
        IsOpen(start, end) && !Events(tables).Any(@event => @event.Long("calendar_id") == calendarId && Overlaps(@event, start, end));

    /// <summary>Whether the customer already has an appointment overlapping [start, end).</summary>
    public static bool CustomerIsBusy(Store tables, long ficheId, DateTime start, DateTime end) =>
        Events(tables).Any(@event => @event.Long("fiche_id") == ficheId && @event.Long("intervention_id") != 0 && Overlaps(@event, start, end));

    /// <summary>The candidate starts in [from, to), on the step, within opening hours.</summary>
    public static IEnumerable<DateTime> Starts(DateTime from, DateTime to)
    {
        var first = from.Date.AddTicks((from - from.Date).Ticks / Step.Ticks * Step.Ticks);
        if (first < from)
        {
            first += Step;
        }

        for (var start = first; start < to; start += Step)
        {
            yield return start;
        }
    }

    /// <summary>The total duration of the services, in minutes (15 for an unknown service, ClicRDV's default length).</summary>
    public static int Minutes(Store tables, IEnumerable<long> interventionIds) =>
        interventionIds.Sum(id => (int)(tables.Find("interventions", id)?.Long("length") ?? 15));

    private static bool IsOpen(DateTime start, DateTime end) =>
        start.DayOfWeek != DayOfWeek.Sunday && start.Date == end.AddTicks(-1).Date
        && OpeningHours.Any(hours => start.TimeOfDay >= hours.Open && end.TimeOfDay <= hours.Close && end > start);

    private static IEnumerable<JsonObject> Events(Store tables) => tables.Rows("vevents").Where(@event => !@event.Flag("deleted"));

    private static bool Overlaps(JsonObject @event, DateTime start, DateTime end) =>
        ClicRdvTime.TryRead(@event.Text("start"), out var eventStart) && ClicRdvTime.TryRead(@event.Text("end"), out var eventEnd)
        && eventStart < end && start < eventEnd;
}
