using System.Globalization;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>
/// Writes a date in a schema's format (.NET tokens: yyyy, MM, dd, HH, mm, ss) from its parts as they are, so that dates
/// no calendar has (February 30, 24:00:00) can be written too.
/// </summary>
internal static class DateText
{
    public static string Write(string format, int year, int month, int day, int hour = 0, int minute = 0, int second = 0) => format
        .Replace("yyyy", year.ToString("D4", CultureInfo.InvariantCulture), System.StringComparison.Ordinal)
        .Replace("MM", month.ToString("D2", CultureInfo.InvariantCulture), System.StringComparison.Ordinal)
        .Replace("dd", day.ToString("D2", CultureInfo.InvariantCulture), System.StringComparison.Ordinal)
        .Replace("HH", hour.ToString("D2", CultureInfo.InvariantCulture), System.StringComparison.Ordinal)
        .Replace("mm", minute.ToString("D2", CultureInfo.InvariantCulture), System.StringComparison.Ordinal)
        .Replace("ss", second.ToString("D2", CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
}
