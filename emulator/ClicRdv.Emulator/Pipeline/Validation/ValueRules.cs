using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace ClicRdv.Emulator.Pipeline.Validation;

/// <summary>
/// The schema keywords that apply to one value, wherever it comes from (path, query, form, JSON body): type, int64
/// range, minimum and maximum, multiples, length, item count, enum, pattern, and date formats with real dates in the
/// years the emulator takes. Each check returns what is wrong, phrased to follow "is 'value', ", or null.
/// </summary>
internal static class ValueRules
{
    public const string OutsideInt64 = "outside the 64-bit integer range";

    private const int ShownCharacters = 60;

    private static readonly Regex IntegerText = new("^[+-]?[0-9]+$", RegexOptions.CultureInvariant);

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>A value sent as text: its type is read from the text, then the keywords of its schema apply.</summary>
    public static string? CheckText(JsonSchema? schema, string value)
    {
        if (schema is null)
        {
            return null;
        }

        var facets = SchemaFacets.Of(schema);
        if (facets.Variants.Count > 0 && facets.Type == JsonObjectType.None)
        {
            // A union of scalars (ClicRDV's page size: a number or "all"): the value is one variant's, or wrong.
            var problems = facets.Variants.Select(variant => CheckText(variant, value)).ToList();
            return problems.Any(problem => problem is null) ? null : "not any of: " + string.Join("; ", problems);
        }

        if (facets.Type.HasFlag(JsonObjectType.Integer))
        {
            return !IntegerText.IsMatch(value) ? "not an integer"
                : long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? CheckInteger(facets, number)
                : OutsideInt64;
        }

        if (facets.Type.HasFlag(JsonObjectType.Number))
        {
            // Beyond decimal's range a number is past any bound the document can state.
            return !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number) ? "not a number"
                : Math.Abs(number) < 7.9e28 ? CheckRange(facets, (decimal)number)
                : "too large";
        }

        if (facets.Type.HasFlag(JsonObjectType.Boolean))
        {
            return value is "true" or "false" ? null : "not a boolean (true or false)";
        }

        return CheckString(facets, value);
    }

    public static string? CheckInteger(SchemaFacets facets, long value) =>
        CheckEnum(facets, value.ToString(CultureInfo.InvariantCulture)) ?? CheckRange(facets, value);

    public static string? CheckString(SchemaFacets facets, string value)
    {
        var maxLength = facets.MaxLength ?? RequestBounds.DefaultMaxStringLength;
        if (value.Length > maxLength)
        {
            return $"{value.Length} characters long, more than its maximum of {maxLength}";
        }

        if (facets.MinLength is { } minLength && value.Length < minLength)
        {
            return $"shorter than its minimum of {minLength} characters";
        }

        if (CheckEnum(facets, value) is { } notListed)
        {
            return notListed;
        }

        // A date's own rules first: they say more than a pattern that only shapes its digits.
        var dateProblem = facets.DateTimeFormat is { } format ? CheckDate(value, format)
            : facets.Format == JsonFormatStrings.Date ? CheckDate(value, "yyyy-MM-dd")
            : facets.Format == JsonFormatStrings.DateTime ? CheckDateTimeOffset(value)
            : null;
        return dateProblem ?? (facets.Pattern is { } pattern && !Pattern(pattern).IsMatch(value) ? $"not matching {pattern}" : null);
    }

    public static string? CheckItemCount(SchemaFacets facets, int count)
    {
        var maxItems = facets.MaxItems > 0 ? facets.MaxItems : RequestBounds.DefaultMaxItems;
        return count > maxItems ? $"{count} items, more than its maximum of {maxItems}"
            : count < facets.MinItems ? $"{count} items, fewer than its minimum of {facets.MinItems}"
            : null;
    }

    /// <summary>"subject is 'value', problem", with a long value cut, and a secret (a password's hash) never shown.</summary>
    public static string Describe(string subject, string value, string problem, bool secret = false) =>
        secret ? $"{subject} (its value is not shown) is refused: {problem}"
        : $"{subject} is '{(value.Length > ShownCharacters ? value[..ShownCharacters] + "..." : value)}', {problem}";

    /// <summary>Whether a value must not be echoed in an error: a password, or its hash.</summary>
    public static bool IsSecret(string name) => name.Contains("password", StringComparison.OrdinalIgnoreCase);

    private static string? CheckEnum(SchemaFacets facets, string value) =>
        facets.Enumeration.Count > 0 && !facets.Enumeration.Any(allowed => Convert.ToString(allowed, CultureInfo.InvariantCulture) == value)
            ? $"not one of {string.Join(", ", facets.Enumeration)}"
            : null;

    private static string? CheckRange(SchemaFacets facets, decimal value) =>
        facets.Minimum is { } minimum && (facets.MinimumIsExclusive ? value <= minimum : value < minimum) ? $"below its minimum {(facets.MinimumIsExclusive ? "(exclusive) " : string.Empty)}{minimum}"
        : facets.Maximum is { } maximum && (facets.MaximumIsExclusive ? value >= maximum : value > maximum) ? $"above its maximum {(facets.MaximumIsExclusive ? "(exclusive) " : string.Empty)}{maximum}"
        : facets.MultipleOf is { } factor and not 0 && value % factor != 0 ? $"not a multiple of {factor}"
        : null;

    private static string? CheckDate(string value, string format) =>
        !DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? $"not a real date in the format {format}"
            : RequestBounds.CheckYear(date);

    private static string? CheckDateTimeOffset(string value) =>
        !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
            ? "not a date-time"
            : RequestBounds.CheckYear(date.DateTime);

    /// <summary>JSON Schema patterns are ECMA-262: <c>\d</c> is an ASCII digit, not any Unicode digit as in .NET's default.</summary>
    private static Regex Pattern(string pattern) => Patterns.GetOrAdd(pattern, text =>
    {
        try
        {
            return new Regex(text, RegexOptions.ECMAScript);
        }
        catch (ArgumentException)
        {
            return new Regex(text, RegexOptions.CultureInvariant);
        }
    });
}
