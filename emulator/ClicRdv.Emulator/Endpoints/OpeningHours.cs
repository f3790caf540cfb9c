using System;

namespace ClicRdv.Emulator.Endpoints;

/// <summary>When the demo businesses are open: Monday to Saturday, 09:00-12:00 and 14:00-18:00, Paris wall-clock time.</summary>
internal static class OpeningHours
{
    private static readonly (TimeSpan Open, TimeSpan Close)[] Periods =
    {
        (TimeSpan.FromHours(9), TimeSpan.FromHours(12)),
        (TimeSpan.FromHours(14), TimeSpan.FromHours(18)),
    };

    /// <summary>
    /// Whether [start, end) lies inside one opening period of its day. Both ends are measured from the start of that
    /// day, so that an end at midnight counts as 24:00 (its time of day, 00:00, would pass every closing time).
    /// </summary>
    public static bool Contain(DateTime start, DateTime end)
    {
        var day = start.Date;
        return end > start && day.DayOfWeek != DayOfWeek.Sunday
            && Array.Exists(Periods, period => start - day >= period.Open && end - day <= period.Close);
    }
}
