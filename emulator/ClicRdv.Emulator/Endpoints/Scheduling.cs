using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Emulator.Data;

namespace ClicRdv.Emulator.Endpoints;

/// <summary>
/// What free slots and booking share, so that a slot offered can be booked: the candidate starts, the length of the
/// services booked, and whether a customer is already busy. A calendar is free when <see cref="Agenda"/> says so.
/// </summary>
internal static class Scheduling
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    /// <summary>Past a day no booking fits in opening hours; longer services are counted as this, which keeps date arithmetic in range.</summary>
    private const long LongestMinutes = 24 * 60 + 15;

    /// <summary>Whether the customer already has an appointment overlapping [start, end) (call under the store's lock).</summary>
    public static bool CustomerIsBusy(Store tables, long ficheId, DateTime start, DateTime end) =>
        tables.Rows("vevents").Any(@event => !@event.Flag("deleted") && @event.Long("fiche_id") == ficheId && @event.Long("intervention_id") != 0
            && ClicRdvTime.TryRead(@event.Text("start"), out var eventStart) && ClicRdvTime.TryRead(@event.Text("end"), out var eventEnd)
            && eventStart < end && start < eventEnd);

    /// <summary>The candidate starts in [from, to), on the step.</summary>
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

    /// <summary>The total length of the services (15 minutes for an unknown one, ClicRDV's default length), at most <see cref="LongestMinutes"/>.</summary>
    public static TimeSpan Duration(Store tables, IEnumerable<long> interventionIds) =>
        TimeSpan.FromMinutes(Math.Min(LongestMinutes, interventionIds.Sum(id => Math.Clamp(tables.Find("interventions", id)?.Long("length") ?? 15, 0, LongestMinutes))));
}
