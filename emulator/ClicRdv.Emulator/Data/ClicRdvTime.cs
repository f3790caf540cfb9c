using System;
using System.Globalization;

namespace ClicRdv.Emulator.Data;

/// <summary>ClicRDV's date-times: <c>YYYY-MM-DD HH:MM:SS</c>, in the group's local time (Europe/Paris).</summary>
internal static class ClicRdvTime
{
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The wall-clock time in Paris now, whatever the machine's own time zone.</summary>
    public static DateTime Now(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ParisTimeZone.Zone).DateTime;

    public static string Write(DateTime value) => value.ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryRead(string? text, out DateTime value) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
