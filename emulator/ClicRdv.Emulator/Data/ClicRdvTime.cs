using System;
using System.Globalization;

namespace ClicRdv.Emulator.Data;

/// <summary>ClicRDV's date-times: <c>YYYY-MM-DD HH:MM:SS</c>, in the group's local time (Europe/Paris).</summary>
internal static class ClicRdvTime
{
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    private static readonly TimeZoneInfo Paris = FindParis();

    public static DateTime Now(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris).DateTime;

    public static string Write(DateTime value) => value.ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryRead(string? text, out DateTime value) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
