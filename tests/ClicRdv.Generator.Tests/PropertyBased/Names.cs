using System.Linq;
using CsCheck;

namespace ClicRdv.Generator.Tests.PropertyBased;

/// <summary>
/// Names for schemas, properties, parameters, operations, tags and enum values: mostly the kinds that break a naive
/// generator (keywords, digits first, names that differ only by case or punctuation, unicode, names of generated
/// members and locals), some plain ones so that documents still look like documents.
/// </summary>
internal static class Names
{
    /// <summary>Names that a generator turning wire names into identifiers has to handle with care.</summary>
    public static readonly string[] Hostile =
    {
        // C# keywords and contextual keywords (an async method cannot have a parameter named await).
        "class", "event", "namespace", "string", "default", "params", "this", "base", "operator", "in", "out", "ref",
        "await", "async", "var", "dynamic", "value", "yield", "nameof", "record", "field", "global", "partial", "where", "when", "_",
        // Digits first, empty-ish, punctuation only.
        "1", "2fa", "123abc", "", " ", "@", "__", "$", "-", "[]", "{}", ".", "*/", "///", "<tag>", "a&b", "\"quoted\"", "back\\slash",
        // Names that collide once sanitized.
        "a-b", "a_b", "aB", "AB", "a b", "a.b", "a[b]", "A-B", "name", "Name", "NAME", "name2", "Name2", "name_2", "na-me",
        // Members every type has, and members and locals the emitter writes itself.
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "AdditionalProperties", "value__", "HasFlag",
        "cancellationToken", "CancellationToken", "_httpClient", "_settings", "httpClient", "settings", "__request", "__path", "__query",
        "request", "path", "query", "body", "Body", "index", "element", "item", "prefix", "form", "text", "__item", "__element",
        // Type names the emitter generates or uses.
        "ApiClients", "ResponseContent", "GeneratedClientRuntime", "ExcerptContent", "System", "Refit", "Consumer", "Task",
        "Item", "Item2", "IDefaultApi", "DefaultApiClient", "DateTimeJsonConverter", "JsonElement", "Stream",
        // Unicode: accents, other scripts, combining marks, emoji, zero-width and special line breaks, lone surrogates.
        "café", "Café", "cafe\u0301", "名前", "имя", "ΣΊΣΥΦΟΣ", "😀", "a😀b", "\u200Bzero", "ÿ", "ǅungla", "İstanbul", "ß", "ﬁle",
        "Ⅷ", "٣abc", "a\u2028b", "a\u0085b", "tab\tname", "new\nline", "\ud800lone", "nul\u0000l",
    };

    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Characters = Letters + "0123456789_-. éàüñßøΩЖж名字😀";

    /// <summary>A short plain identifier-like name.</summary>
    public static readonly Gen<string> Plain =
        Gen.Select(Gen.Char[Letters], Gen.Char[Letters + "0123456789"].Array[0, 10], (first, rest) => first + new string(rest));

    /// <summary>A short name of any characters, letters and otherwise.</summary>
    public static readonly Gen<string> Random = Gen.Char[Characters].Array[0, 12].Select(characters => new string(characters));

    /// <summary>Any name: plain, hostile or random.</summary>
    public static readonly Gen<string> Any = Gen.Frequency(
        (4, Plain),
        (4, Gen.OneOf(Hostile)),
        (2, Random));

    /// <summary>A name for a place where an empty name makes no sense (a component key, a parameter).</summary>
    public static readonly Gen<string> NonEmpty = Any.Where(name => name.Length > 0);

    /// <summary>Text for descriptions and titles: comment terminators, XML, and every kind of line break.</summary>
    public static readonly Gen<string> Prose = Gen.Frequency(
        (3, Gen.Const("A plain description.")),
        (1, Gen.OneOf(
            "Line one\nline two\r\nline three\rline four",
            "Uses </summary> & <b>tags</b> */ /* // ///",
            "Separators\u2028and\u2029next\u0085lines",
            "  padded  ",
            "",
            "Trailing backslash \\",
            "\"quotes\" and {braces}")),
        (1, Random));

    /// <summary>Distinct names (JSON object keys must be distinct).</summary>
    public static Gen<string[]> Distinct(Gen<string> names, int min, int max) =>
        names.Array[min, max].Select(array => array.Distinct(System.StringComparer.Ordinal).ToArray());
}
