using System;

namespace ClicRdv.Emulator.Data;

/// <summary>
/// Europe/Paris, the time zone of ClicRDV's groups: the system's own when it has one, else the European Union's rule
/// built in (UTC+1, and UTC+2 from the last Sunday of March at 02:00 to the last Sunday of October at 03:00, as since
/// 1996). A machine without time zone data (a slim container) would otherwise shift "now", and so every free slot.
/// </summary>
internal static class ParisTimeZone
{
    public static TimeZoneInfo BuiltIn { get; } = TimeZoneInfo.CreateCustomTimeZone(
        "Europe/Paris",
        TimeSpan.FromHours(1),
        "Europe/Paris (built-in rule)",
        "CET",
        "CEST",
        new[]
        {
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(1996, 1, 1),
                DateTime.MaxValue.Date,
                TimeSpan.FromHours(1),
                // Week 5 is the month's last such day; the start is in standard time, the end in summer time.
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday)),
        });

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var system) ? system : BuiltIn;
}
