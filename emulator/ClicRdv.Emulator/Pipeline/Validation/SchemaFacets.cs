using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using NJsonSchema;

namespace ClicRdv.Emulator.Pipeline.Validation;

/// <summary>
/// The keywords that apply to a value, gathered from its schema, what the schema references and its <c>allOf</c>
/// members (the schema's own keyword first): the document writes <c>{"allOf":[{"$ref":...}],"description":...}</c>
/// for a described reference, and a keyword may sit at any of those levels.
/// </summary>
internal sealed class SchemaFacets
{
    private static readonly ConditionalWeakTable<JsonSchema, SchemaFacets> Cache = new();

    private SchemaFacets(JsonSchema schema)
    {
        var chain = Chain(schema).ToList();
        Type = chain.Select(member => member.Type & ~JsonObjectType.Null).FirstOrDefault(type => type != JsonObjectType.None);
        Pattern = chain.Select(member => member.Pattern).FirstOrDefault(pattern => !string.IsNullOrEmpty(pattern));
        Format = chain.Select(member => member.Format).FirstOrDefault(format => !string.IsNullOrEmpty(format));
        DateTimeFormat = chain.Select(member => member.ExtensionData is { } extensions && extensions.TryGetValue("x-date-time-format", out var format) ? format as string : null).FirstOrDefault(format => format is not null);
        MaxLength = chain.Select(member => member.MaxLength).FirstOrDefault(length => length is not null);
        MinLength = chain.Select(member => member.MinLength).FirstOrDefault(length => length is not null);
        Minimum = chain.Select(member => member.ExclusiveMinimum ?? member.Minimum).FirstOrDefault(bound => bound is not null);
        MinimumIsExclusive = chain.Any(member => member.ExclusiveMinimum is not null || (member.Minimum is not null && member.IsExclusiveMinimum));
        Maximum = chain.Select(member => member.ExclusiveMaximum ?? member.Maximum).FirstOrDefault(bound => bound is not null);
        MaximumIsExclusive = chain.Any(member => member.ExclusiveMaximum is not null || (member.Maximum is not null && member.IsExclusiveMaximum));
        Enumeration = chain.Select(member => member.Enumeration).FirstOrDefault(values => values.Count > 0)?.ToList() ?? new List<object?>();
        MaxItems = chain.Select(member => member.MaxItems).FirstOrDefault(count => count > 0);
        MinItems = chain.Select(member => member.MinItems).FirstOrDefault(count => count > 0);
        MultipleOf = chain.Select(member => member.MultipleOf).FirstOrDefault(factor => factor is not null);
        UniqueItems = chain.Any(member => member.UniqueItems);
        Item = chain.Select(member => member.Item).FirstOrDefault(item => item is not null);
        Properties = new Dictionary<string, JsonSchema>();
        foreach (var property in chain.SelectMany(member => member.Properties))
        {
            Properties.TryAdd(property.Key, property.Value);
        }

        Required = chain.SelectMany(member => member.RequiredProperties).Distinct().ToList();
        Variants = chain.Select(member => member.OneOf.Count > 0 ? member.OneOf : member.AnyOf).FirstOrDefault(variants => variants.Count > 0)?.ToList() ?? new List<JsonSchema>();
    }

    /// <summary>The value's type without <c>null</c>; <see cref="JsonObjectType.None"/> when no level states one.</summary>
    public JsonObjectType Type { get; }

    public string? Pattern { get; }

    public string? Format { get; }

    /// <summary>The .NET format of the vendor extension <c>x-date-time-format</c> (ClicRDV's <c>yyyy-MM-dd HH:mm:ss</c>).</summary>
    public string? DateTimeFormat { get; }

    public int? MaxLength { get; }

    public int? MinLength { get; }

    public decimal? Minimum { get; }

    public bool MinimumIsExclusive { get; }

    public decimal? Maximum { get; }

    public bool MaximumIsExclusive { get; }

    public IReadOnlyList<object?> Enumeration { get; }

    /// <summary>The schema's <c>maxItems</c>, or 0 when it has none.</summary>
    public int MaxItems { get; }

    public int MinItems { get; }

    public decimal? MultipleOf { get; }

    public bool UniqueItems { get; }

    public JsonSchema? Item { get; }

    /// <summary>The members an object schema describes, by name.</summary>
    public Dictionary<string, JsonSchema> Properties { get; }

    public IReadOnlyList<string> Required { get; }

    /// <summary>The schemas of a <c>oneOf</c> (or else <c>anyOf</c>): a value must match one of them.</summary>
    public IReadOnlyList<JsonSchema> Variants { get; }

    public bool Allows(JsonObjectType type) => Type == JsonObjectType.None || Type.HasFlag(type);

    public static SchemaFacets Of(JsonSchema schema) => Cache.GetValue(schema, key => new SchemaFacets(key));

    private static IEnumerable<JsonSchema> Chain(JsonSchema schema)
    {
        yield return schema;
        if (schema.Reference is { } referenced)
        {
            foreach (var member in Chain(referenced))
            {
                yield return member;
            }
        }

        foreach (var member in schema.AllOf.SelectMany(Chain))
        {
            yield return member;
        }
    }
}
