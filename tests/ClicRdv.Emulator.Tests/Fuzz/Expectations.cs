using System;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.RegularExpressions;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>
/// Whether a value breaks its schema or a bound the issue states (and so must be refused with 400), or may be anything
/// but a server error. Only what is certain is a refusal: a value the document allows, or one this cannot judge, is
/// left to the other checks.
/// </summary>
internal static class Expectations
{
    /// <summary>Dates and date-times have a year in 1900..2099, and a real day and time.</summary>
    public const int FirstYear = 1900;

    public const int LastYear = 2099;

    private static readonly (Expectation, string?) Allowed = (Expectation.NotServerError, null);

    public static (Expectation Expected, string? Why) Of(SchemaFacts schema, Probe probe, Place place)
    {
        if (place == Place.Json)
        {
            return Json(schema, probe);
        }

        if (place == Place.Path && probe == Probe.Nul)
        {
            return (Expectation.RefusedByKestrel, "Kestrel refuses a NUL in a path before the emulator sees it");
        }

        // In a URL or a form, every value is text: its type is whether the text reads as one.
        var text = probe.Text ?? probe.Json;
        return schema.Type switch
        {
            "integer" => BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) ? Number(schema, integer) : Refused($"'{probe}' is not an integer"),
            "number" => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? Bounds(schema, number) : Refused($"'{probe}' is not a number"),
            "boolean" => text is "true" or "false" ? Allowed : Refused($"'{probe}' is not true or false"),
            _ => Text(schema, text, probe),
        };
    }

    private static (Expectation, string?) Json(SchemaFacts schema, Probe probe)
    {
        if (probe.Json == "null")
        {
            return schema.Nullable ? Allowed : Refused("null where the document does not allow it");
        }

        return schema.Type switch
        {
            "integer" when probe.IsJsonNumber => BigInteger.TryParse(probe.Json, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) ? Number(schema, integer) : Refused($"{probe} is not an integer"),
            "number" when probe.IsJsonNumber => decimal.TryParse(probe.Json, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? Bounds(schema, number) : Allowed,
            "string" when probe.Text is { } text && !probe.IsJsonNumber => Text(schema, text, probe),
            "boolean" when probe.Json is "true" or "false" => Allowed,
            "object" when probe.Json.StartsWith('{') => Allowed,
            "array" when probe.Json.StartsWith('[') => Allowed,
            null => Allowed,
            _ => Refused($"{probe} is not of type {schema.Type}"),
        };
    }

    private static (Expectation, string?) Number(SchemaFacts schema, BigInteger value) =>
        value < long.MinValue || value > long.MaxValue ? Refused($"{value} is outside int64") : Bounds(schema, (decimal)value);

    private static (Expectation, string?) Bounds(SchemaFacts schema, decimal value) =>
        value < schema.Minimum ? Refused($"{value} is below the minimum {schema.Minimum}")
        : value > schema.Maximum ? Refused($"{value} is above the maximum {schema.Maximum}")
        : Allowed;

    private static (Expectation, string?) Text(SchemaFacts schema, string text, Probe probe)
    {
        if (text.Length > schema.LengthBound)
        {
            return Refused($"{text.Length} characters, over {schema.LengthBound}");
        }

        if (schema.IsDate)
        {
            return DateProblem(schema.DateFormat!, text) is { } problem ? Refused(problem) : Allowed;
        }

        if (schema.Enum.Count > 0 && !schema.Enum.Any(member => member?.ToString() == text))
        {
            return Refused($"'{probe}' is not one of the enum's values");
        }

        return schema.Pattern is { } pattern && !Regex.IsMatch(text, pattern)
            ? Refused($"'{probe}' does not match {pattern}")
            : Allowed;
    }

    private static string? DateProblem(string format, string text)
    {
        if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return $"'{text}' is not a real date in the format {format}";
        }

        return date.Year is < FirstYear or > LastYear ? $"the year {date.Year} is outside {FirstYear}..{LastYear}" : null;
    }

    private static (Expectation, string?) Refused(string why) => (Expectation.BadRequest, why);
}
