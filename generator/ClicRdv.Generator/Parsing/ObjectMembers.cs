using System;
using System.Collections.Generic;
using System.Linq;
using NJsonSchema;

namespace ClicRdv.Generator.Parsing;

/// <summary>The members of an object schema, gathered from its own properties and its <c>allOf</c> parts.</summary>
internal static class ObjectMembers
{
    public static HashSet<string> AllWireNames(JsonSchema schema) =>
        new(Collect(schema, requiredByParent: null).Select(property => property.Key), StringComparer.Ordinal);

    /// <summary>
    /// The properties of an object schema and of its <c>allOf</c> members (except <paramref name="skip"/>, the base
    /// class), in document order, first occurrence winning. A property is required when any level says so. Beside
    /// properties of its own, the members of each <c>oneOf</c>/<c>anyOf</c> variant come last and are optional, as an
    /// object holds those of one variant only.
    /// </summary>
    public static List<KeyValuePair<string, (JsonSchema Schema, bool IsRequired)>> Collect(
        JsonSchema schema, ICollection<string>? requiredByParent, JsonSchema? skip = null)
    {
        var result = new List<KeyValuePair<string, (JsonSchema Schema, bool IsRequired)>>();
        Collect(schema, requiredByParent, skip, optional: false, new HashSet<string>(StringComparer.Ordinal), new HashSet<JsonSchema>(ReferenceEqualityComparer<JsonSchema>.Instance), result);
        return result;
    }

    /// <remarks>
    /// Each schema is walked once: a second way to it (<c>Loop: { allOf: [ Loop, Loop ] }</c>, or a diamond of parents)
    /// could only bring members already seen, and walking every way was exponential.
    /// </remarks>
    private static void Collect(
        JsonSchema schema,
        ICollection<string>? requiredByParent,
        JsonSchema? skip,
        bool optional,
        HashSet<string> seen,
        HashSet<JsonSchema> visited,
        List<KeyValuePair<string, (JsonSchema Schema, bool IsRequired)>> result)
    {
        if (!visited.Add(schema))
        {
            return;
        }

        foreach (var property in schema.Properties)
        {
            if (property.Value is not null && seen.Add(property.Key))
            {
                var required = !optional && (property.Value.IsRequired || schema.RequiredProperties.Contains(property.Key) || (requiredByParent?.Contains(property.Key) ?? false));
                result.Add(new(property.Key, (property.Value, required)));
            }
        }

        foreach (var part in schema.AllOf)
        {
            if (part is not null && !ReferenceEquals(part, skip))
            {
                Collect(SchemaMapper.Dereference(part), schema.RequiredProperties, null, optional, seen, visited, result);
            }
        }

        if (schema.Properties.Count > 0)
        {
            foreach (var variant in schema.OneOf.Concat(schema.AnyOf))
            {
                if (variant is not null)
                {
                    Collect(SchemaMapper.Dereference(variant), null, null, optional: true, seen, visited, result);
                }
            }
        }
    }
}
