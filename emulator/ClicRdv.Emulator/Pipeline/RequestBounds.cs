using System;

namespace ClicRdv.Emulator.Pipeline;

/// <summary>
/// The bounds the emulator holds requests to ([guess] for the real ClicRDV, which documents none). Where the document
/// states a bound the validator enforces the document's; these are the defaults where it is silent, and the bounds it
/// cannot state (body size, the length of a free-slot window). A request past one gets a 400 that names it.
/// </summary>
internal static class RequestBounds
{
    /// <summary>The largest request body read, in bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The longest string value when its schema gives no <c>maxLength</c>.</summary>
    public const int DefaultMaxStringLength = 10_000;

    /// <summary>The most items of an array (an id list, conditions) when its schema gives no <c>maxItems</c>.</summary>
    public const int DefaultMaxItems = 50;

    /// <summary>The largest page: <c>results</c> is <c>all</c> or 1 to this.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The largest <c>startIndex</c>.</summary>
    public const long MaxStartIndex = int.MaxValue;

    /// <summary>The longest free-slot window, in days (<c>nDays</c>, or from <c>start</c> to <c>end</c>).</summary>
    public const int MaxWindowDays = 31;

    /// <summary>The first and last years of a date or date-time value.</summary>
    public const int MinYear = 1900;

    public const int MaxYear = 2099;

    /// <summary>
    /// Kestrel's limit on the request line, raised above what the bounds above need (a 10,000-character value
    /// percent-encodes to 90 KB), so that an oversized value reaches the validator and gets its 400 with a JSON body.
    /// </summary>
    public const int MaxRequestLineBytes = 256 * 1024;

    /// <summary>What is wrong with a date's year, phrased to follow "is 'value', ", or null.</summary>
    public static string? CheckYear(DateTime value) =>
        value.Year is < MinYear or > MaxYear ? $"in {value.Year}, outside the years {MinYear} to {MaxYear}" : null;
}
