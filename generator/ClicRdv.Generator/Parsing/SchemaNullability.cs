using System.Collections.Generic;
using System.Linq;
using NJsonSchema;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Whether a schema allows null, by NJsonSchema's OpenAPI 3 rules, without its stack overflow on cycles of references.
/// </summary>
internal sealed class SchemaNullability
{
    private readonly Dictionary<JsonSchema, bool> _reachesCycle = new(ReferenceEqualityComparer<JsonSchema>.Instance);

    // The schemas on the way of the current cycle search; empty between two searches.
    private readonly HashSet<JsonSchema> _cyclePath = new(ReferenceEqualityComparer<JsonSchema>.Instance);

    /// <summary>
    /// A schema whose only value is null: <c>type: null</c> (3.1), or <c>enum: [ null ]</c>, the way a 3.0 document
    /// offers null as an alternative (<c>oneOf: [ { $ref }, { type: object, nullable: true, enum: [ null ] } ]</c>):
    /// "nullable" beside <c>allOf</c> does not make the referenced schema accept null under 3.0 validators.
    /// </summary>
    public static bool IsNullOnly(JsonSchema schema) =>
        schema.Type == JsonObjectType.Null || (schema.Enumeration.Count > 0 && schema.Enumeration.All(value => value is null));

    public bool IsNullable(JsonSchema schema) =>
        (ReachesCycle(schema, _cyclePath)
            ? IsNullableGuarded(schema, new HashSet<JsonSchema>(ReferenceEqualityComparer<JsonSchema>.Instance))
            : schema.IsNullable(SchemaType.OpenApi3))
        || schema.Type.HasFlag(JsonObjectType.Null);

    /// <summary>
    /// Whether a cycle of <c>$ref</c>, <c>allOf</c>, <c>oneOf</c> or <c>anyOf</c> can be reached from
    /// <paramref name="schema"/>. NJsonSchema's IsNullable follows those links with no guard, so on such a cycle
    /// ("Node": { "oneOf": [ { "$ref": "#/components/schemas/Node" } ] }) it overflows the stack, which no catch stops.
    /// </summary>
    private bool ReachesCycle(JsonSchema schema, HashSet<JsonSchema> path)
    {
        if (_reachesCycle.TryGetValue(schema, out var known))
        {
            return known;
        }

        if (!path.Add(schema))
        {
            return true;
        }

        var result = (schema.Reference is { } reference && ReachesCycle(reference, path))
            || AnyReachesCycle(schema.AllOf, path)
            || AnyReachesCycle(schema.OneOf, path)
            || AnyReachesCycle(schema.AnyOf, path);
        path.Remove(schema);
        _reachesCycle[schema] = result;
        return result;
    }

    private bool AnyReachesCycle(ICollection<JsonSchema> schemas, HashSet<JsonSchema> path)
    {
        foreach (var next in schemas)
        {
            if (next is not null && ReachesCycle(next, path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>NJsonSchema's rules for nullable (OpenAPI 3), following each link once.</summary>
    private static bool IsNullableGuarded(JsonSchema schema, HashSet<JsonSchema> visited)
    {
        if (!visited.Add(schema))
        {
            return false;
        }

        if (schema.IsNullableRaw == true || schema.Type.HasFlag(JsonObjectType.Null) || schema.Enumeration.Contains(null))
        {
            return true;
        }

        if (schema.Type == JsonObjectType.None && schema.OneOf.Any(variant => variant is not null && IsNullableGuarded(variant, visited)))
        {
            return true;
        }

        return schema.Reference is { } reference && IsNullableGuarded(reference, visited);
    }
}
