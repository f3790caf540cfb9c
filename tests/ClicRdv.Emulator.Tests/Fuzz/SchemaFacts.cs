using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>
/// What the fuzz needs to know of a schema of the document, its references followed and its <c>allOf</c> parts merged:
/// the type, the bounds, the format, and the members of an object.
/// </summary>
internal sealed record SchemaFacts(
    string? Type,
    bool Nullable,
    string? Pattern,
    string? DateFormat,
    int? MaxLength,
    decimal? Minimum,
    decimal? Maximum,
    int? MinItems,
    int? MaxItems,
    IReadOnlyList<JsonNode?> Enum,
    SchemaFacts? Items,
    IReadOnlyList<(string Name, SchemaFacts Schema)> Properties,
    IReadOnlySet<string> Required)
{
    /// <summary>The bound the issue sets on every string whose schema gives no <c>maxLength</c>.</summary>
    public const int DefaultMaxLength = 10000;

    /// <summary>The longest text this schema allows.</summary>
    public int LengthBound => MaxLength ?? DefaultMaxLength;

    /// <summary>A schema whose only value is null.</summary>
    public bool IsOnlyNull => Enum.Count > 0 && Enum.All(value => value is null);

    /// <summary>A date or date and time, written as <see cref="DateFormat"/> says (.NET format tokens).</summary>
    public bool IsDate => DateFormat is not null;

    /// <summary>The facts of <paramref name="schema"/>, a schema object of <paramref name="document"/>.</summary>
    public static SchemaFacts Of(JsonNode document, JsonNode schema) => Of(document, schema, 0);

    private static SchemaFacts Of(JsonNode document, JsonNode schema, int depth)
    {
        if (depth > 32)
        {
            throw new InvalidOperationException("The schema nests more than 32 levels (a reference cycle?): the fuzz cannot walk it.");
        }

        var own = Resolve(document, schema);
        var format = (string?)own["format"];
        var facts = new SchemaFacts(
            (string?)own["type"],
            (bool?)own["nullable"] ?? false,
            (string?)own["pattern"],
            (string?)own["x-date-time-format"] ?? (format == "date" ? "yyyy-MM-dd" : null),
            (int?)own["maxLength"],
            (decimal?)own["minimum"],
            (decimal?)own["maximum"],
            (int?)own["minItems"],
            (int?)own["maxItems"],
            (own["enum"]?.AsArray() ?? new JsonArray()).Select(value => value?.DeepClone()).ToList(),
            own["items"] is { } items ? Of(document, items, depth + 1) : null,
            (own["properties"]?.AsObject() ?? new JsonObject()).Select(property => (property.Key, Of(document, property.Value!, depth + 1))).ToList(),
            (own["required"]?.AsArray() ?? new JsonArray()).Select(name => (string)name!).ToHashSet());
        var merged = (own["allOf"]?.AsArray() ?? new JsonArray()).Aggregate(facts, (all, part) => all.With(Of(document, part!, depth + 1)));

        // oneOf and anyOf: the first alternative that is more than null is what a valid request sends; an alternative
        // that is only null (such as { "enum": [null] }) makes the value nullable.
        var alternatives = (own["oneOf"]?.AsArray() ?? own["anyOf"]?.AsArray() ?? new JsonArray()).Select(part => Of(document, part!, depth + 1)).ToList();
        if (alternatives.FirstOrDefault(alternative => !alternative.IsOnlyNull) is { } chosen)
        {
            merged = merged.With(chosen) with { Nullable = merged.Nullable || alternatives.Any(alternative => alternative.IsOnlyNull) };
        }

        return merged.Type is null && merged.Properties.Count > 0 ? merged with { Type = "object" } : merged;
    }

    /// <summary>These facts and those of an <c>allOf</c> part: what this schema says first, then what the part adds.</summary>
    private SchemaFacts With(SchemaFacts part) => new(
        Type ?? part.Type,
        Nullable,
        Pattern ?? part.Pattern,
        DateFormat ?? part.DateFormat,
        MaxLength ?? part.MaxLength,
        Minimum ?? part.Minimum,
        Maximum ?? part.Maximum,
        MinItems ?? part.MinItems,
        MaxItems ?? part.MaxItems,
        Enum.Count > 0 ? Enum : part.Enum,
        Items ?? part.Items,
        Properties.Concat(part.Properties.Where(added => Properties.All(existing => existing.Name != added.Name))).ToList(),
        Required.Union(part.Required).ToHashSet());

    /// <summary>Follows <c>$ref</c> (local references only, as the document uses).</summary>
    public static JsonObject Resolve(JsonNode document, JsonNode node)
    {
        var seen = new HashSet<string>();
        while (node["$ref"] is { } reference)
        {
            var target = (string)reference!;
            if (!seen.Add(target) || !target.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The reference {target} is circular or not local.");
            }

            node = target[2..].Split('/').Aggregate(document, (current, part) => current[part.Replace("~1", "/").Replace("~0", "~")]
                ?? throw new InvalidOperationException($"The reference {target} points to nothing."));
        }

        return node.AsObject();
    }
}
