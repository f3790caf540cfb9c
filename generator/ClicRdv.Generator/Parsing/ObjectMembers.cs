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
    /// class), in document order, first occurrence winning. A property is required when any level says so.
    /// </summary>
    public static List<KeyValuePair<string, (JsonSchema Schema, bool IsRequired)>> Collect(
        JsonSchema schema, ICollection<string>? requiredByParent, JsonSchema? skip = null, int depth = 0)
    {
        var result = new List<KeyValuePair<string, (JsonSchema Schema, bool IsRequired)>>();
        if (depth > SchemaMapper.MaxReferenceDepth)
        {
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in schema.Properties)
        {
            if (property.Value is not null && seen.Add(property.Key))
            {
                var required = property.Value.IsRequired || schema.RequiredProperties.Contains(property.Key) || (requiredByParent?.Contains(property.Key) ?? false);
                result.Add(new(property.Key, (property.Value, required)));
            }
        }

        foreach (var part in schema.AllOf)
        {
            if (ReferenceEquals(part, skip))
            {
                continue;
            }

            foreach (var property in Collect(SchemaMapper.Dereference(part), schema.RequiredProperties, null, depth + 1))
            {
                if (seen.Add(property.Key))
                {
                    result.Add(property);
                }
            }
        }

        return result;
    }
}
