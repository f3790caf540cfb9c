using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>The values the fuzz puts where a valid value was: each side of every bound, and what breaks parsers.</summary>
internal static class ValueProbes
{
    /// <summary>Around the int32 and int64 limits, and past int64 (as digits, in every place).</summary>
    public static readonly Probe[] NumberLimits = new[]
    {
        "0", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "100000000000000000000000000000",
    }.Select(Probe.Digits).ToArray();

    /// <summary>
    /// Long texts: at the bound, one past it, and 100 KB. In a JSON body the text at the bound is accented, so that its
    /// bytes and its characters differ; in a URL it is plain, so that the URL stays as short as the bound allows.
    /// </summary>
    public static Probe[] LongTexts(SchemaFacts schema, Place place) => new[]
    {
        Probe.Repeated(place == Place.Json ? "é" : "a", schema.LengthBound),
        Probe.Repeated("a", schema.LengthBound + 1),
        Probe.Repeated("a", 100 * 1024),
    };

    /// <summary>Accents, emoji, right-to-left and combining marks, CJK, NUL, lone surrogates and bytes that are not UTF-8.</summary>
    public static readonly Probe[] Unicode =
    {
        Probe.OfText("Zoë Ångström-Łódź"),
        Probe.OfText("😀🎉 rendez-vous"),
        Probe.OfText("\u202Eevil\u202C e\u0301"),
        Probe.OfText("予約テスト"),
        Probe.Nul,
        Probe.LoneSurrogate,
        Probe.InvalidUtf8,
    };

    /// <summary>A schema's own bounds, each side: minimum - 1, minimum, maximum, maximum + 1.</summary>
    public static IEnumerable<Probe> Bounds(SchemaFacts schema)
    {
        foreach (var bound in new[] { schema.Minimum, schema.Maximum }.Where(bound => bound is not null).Select(bound => bound!.Value))
        {
            var outside = bound == schema.Minimum ? bound - 1 : bound + 1;
            yield return Probe.Digits(bound.ToString(CultureInfo.InvariantCulture));
            yield return Probe.Digits(outside.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The dates at and past the limits, and days and times no calendar has, in <paramref name="format"/>.</summary>
    public static Probe[] Dates(string format) => new[]
    {
        (1900, 1, 1, 0, 0, 0), (2099, 12, 31, 23, 59, 59), (1899, 12, 31, 23, 59, 59), (2100, 1, 1, 0, 0, 0), (9999, 12, 31, 23, 59, 59),
        (2026, 2, 30, 10, 0, 0), (2026, 3, 3, 24, 0, 0), (2026, 2, 29, 10, 0, 0), (2028, 2, 29, 10, 0, 0), (2026, 13, 1, 10, 0, 0),
    }.Select(date => DateText.Write(format, date.Item1, date.Item2, date.Item3, date.Item4, date.Item5, date.Item6)).Distinct().Select(text => Probe.OfText(text)).ToArray();

    /// <summary>Values of another type than the schema's, as JSON.</summary>
    public static Probe[] WrongJsonTypes(SchemaFacts schema)
    {
        var others = new Dictionary<string, string[]>
        {
            ["string"] = new[] { "\"text\"" },
            ["integer"] = new[] { "12" },
            ["number"] = new[] { "12", "1.5" },
            ["boolean"] = new[] { "true" },
            ["object"] = new[] { "{}" },
            ["array"] = new[] { "[]" },
        };
        var own = others.GetValueOrDefault(schema.Type ?? string.Empty, System.Array.Empty<string>());
        var literals = new[] { "\"text\"", "12", "1.5", "true", "{}", "[]" }.Except(own).ToList();
        if (!schema.Nullable)
        {
            literals.Add("null");
        }

        return schema.Type is null ? System.Array.Empty<Probe>() : literals.Select(literal => literal.StartsWith('"') ? Probe.OfText("text") : literal is "12" or "1.5" ? Probe.Digits(literal) : Probe.Literal(literal)).ToArray();
    }

    /// <summary>Texts a URL or form value of this schema cannot be: not a number, not a boolean, not an enum member, not the pattern.</summary>
    /// <remarks>An empty path segment is left out: that path is another one, which the document may not have.</remarks>
    public static Probe[] WrongTexts(SchemaFacts schema, Place place) => schema.Type switch
    {
        "integer" => new[] { "abc", "1.5", "1e3", "0x1F", " 7", "--1" }.Concat(place == Place.Path ? System.Array.Empty<string>() : new[] { string.Empty }).Select(text => Probe.OfText(text)).ToArray(),
        "number" => new[] { "abc", "1,5", "NaN" }.Select(text => Probe.OfText(text)).ToArray(),
        "boolean" => new[] { "yes", "1", "TRUE" }.Select(text => Probe.OfText(text)).ToArray(),
        _ when schema.Enum.Count > 0 => new[] { Probe.OfText("not-a-member") },
        _ when schema.Pattern is { } pattern && !Regex.IsMatch("not the pattern", pattern) => new[] { Probe.OfText("not the pattern") },
        _ => System.Array.Empty<Probe>(),
    };

    /// <summary>Whether the fuzz puts numbers there: a numeric schema, or a text whose pattern takes digits (such as <c>results</c>).</summary>
    public static bool TakesNumbers(SchemaFacts schema) =>
        schema.Type is "integer" or "number" || (schema.Type == "string" && schema.Enum.Count == 0 && !schema.IsDate && schema.Pattern is { } pattern && Regex.IsMatch("1", pattern));
}
