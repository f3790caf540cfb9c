using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>
/// One value to put in a request, written both ways it can travel: as JSON text (in a JSON body) and as
/// percent-encoded text (in a path, a query or a form). Both are raw, so that they can hold what a .NET string or a
/// JSON serializer would refuse: numbers past int64, lone surrogates, invalid UTF-8.
/// </summary>
/// <param name="Label">What the value is, for the report (long values are not shown whole).</param>
/// <param name="Text">The text a server decodes from <paramref name="Wire"/>, and a JSON string's value; null for the other JSON types.</param>
/// <param name="IsJsonNumber">Whether <paramref name="Json"/> is a number (else a string, or a literal of another type).</param>
internal sealed record Probe(string Json, string Wire, string Label, string? Text, bool IsJsonNumber = false)
{
    /// <summary>Non-ASCII characters travel as UTF-8, not as \u escapes, as most clients send them.</summary>
    private static readonly JsonSerializerOptions RawUtf8 = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A number (or digits, in a text schema) written as its digits.</summary>
    public static Probe Digits(string digits) => new(digits, digits, digits, digits, IsJsonNumber: true);

    public static Probe OfText(string text, string? label = null) =>
        new(JsonSerializer.Serialize(text, RawUtf8), Uri.EscapeDataString(text), label ?? Shorten(text), text);

    /// <summary>A JSON literal of any type (<c>{}</c>, <c>[]</c>, <c>true</c>, <c>null</c>), and its text in a URL.</summary>
    public static Probe Literal(string json) => new(json, Uri.EscapeDataString(json), json, null);

    /// <summary>A lone high surrogate: escaped in JSON, its three UTF-8-style bytes in a URL (not valid UTF-8).</summary>
    public static readonly Probe LoneSurrogate = new("\"a\\ud800b\"", "a%ED%A0%80b", "a<lone surrogate U+D800>b", "a\ud800b");

    public static readonly Probe Nul = new("\"a\\u0000b\"", "a%00b", "a<NUL>b", "a\0b");

    /// <summary>Bytes that are not UTF-8 in a URL; in JSON, a lone low surrogate.</summary>
    public static readonly Probe InvalidUtf8 = new("\"a\\udfffb\"", "a%FF%FEb", "a<bytes FF FE / lone surrogate U+DFFF>b", "a\udfffb");

    /// <summary><paramref name="count"/> copies of <paramref name="unit"/>, labelled by their length.</summary>
    public static Probe Repeated(string unit, int count)
    {
        var text = string.Concat(Enumerable.Repeat(unit, count));
        return new(JsonSerializer.Serialize(text, RawUtf8), Uri.EscapeDataString(text), $"{count} x '{unit}'", text);
    }

    /// <summary>The text of a scalar in a URL: digits, true/false, or the text itself.</summary>
    public static string WireText(JsonNode value) => value is JsonValue scalar && scalar.TryGetValue<string>(out var text)
        ? text
        : value.ToJsonString();

    private static string Shorten(string text)
    {
        var shown = text.Length <= 40 ? text : text[..40] + $"... ({text.Length} characters)";
        return new StringBuilder(shown).Replace("\0", "<NUL>").ToString();
    }

    public override string ToString() => Label;
}
