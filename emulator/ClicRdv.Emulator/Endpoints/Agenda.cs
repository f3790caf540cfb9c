using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Emulator.Data;

namespace ClicRdv.Emulator.Endpoints;

/// <summary>
/// The busy times of some calendars in a window, copied out of the store in one pass over its events, held by
/// calendar, merged and sorted: whether a slot is free is then a binary search, and free slots are computed from
/// this copy without holding the store's lock.
/// </summary>
internal sealed class Agenda
{
    private readonly Dictionary<long, List<(DateTime Start, DateTime End)>> _busy;

    private Agenda(IReadOnlyList<long> calendarIds, Dictionary<long, List<(DateTime Start, DateTime End)>> busy)
    {
        CalendarIds = calendarIds;
        _busy = busy;
    }

    /// <summary>The calendars, in the order given.</summary>
    public IReadOnlyList<long> CalendarIds { get; }

    /// <summary>Copies the events of <paramref name="calendarIds"/> that are not deleted and overlap [from, to) (call under the store's lock).</summary>
    public static Agenda Of(Store tables, IReadOnlyList<long> calendarIds, DateTime from, DateTime to)
    {
        var busy = calendarIds.Distinct().ToDictionary(id => id, _ => new List<(DateTime Start, DateTime End)>());
        foreach (var @event in tables.Rows("vevents"))
        {
            if (!@event.Flag("deleted") && busy.TryGetValue(@event.Long("calendar_id"), out var times)
                && ClicRdvTime.TryRead(@event.Text("start"), out var start) && ClicRdvTime.TryRead(@event.Text("end"), out var end)
                && start < end && start < to && from < end)
            {
                times.Add((start, end));
            }
        }

        return new Agenda(calendarIds, busy.ToDictionary(pair => pair.Key, pair => Merge(pair.Value)));
    }

    /// <summary>Whether the calendar is one of this agenda's, open for the whole of [start, end), and has no event then.</summary>
    public bool IsFree(long calendarId, DateTime start, DateTime end) =>
        OpeningHours.Contain(start, end) && _busy.TryGetValue(calendarId, out var times) && !Overlaps(times, start, end);

    /// <summary>The merged times are disjoint and sorted: only the last one starting before <paramref name="end"/> can overlap.</summary>
    private static bool Overlaps(List<(DateTime Start, DateTime End)> times, DateTime start, DateTime end)
    {
        int low = 0, high = times.Count - 1, last = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (times[middle].Start < end)
            {
                last = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return last >= 0 && times[last].End > start;
    }

    private static List<(DateTime Start, DateTime End)> Merge(List<(DateTime Start, DateTime End)> times)
    {
        var merged = new List<(DateTime Start, DateTime End)>();
        foreach (var time in times.OrderBy(time => time.Start))
        {
            if (merged.Count > 0 && time.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, time.End > merged[^1].End ? time.End : merged[^1].End);
            }
            else
            {
                merged.Add(time);
            }
        }

        return merged;
    }
}
