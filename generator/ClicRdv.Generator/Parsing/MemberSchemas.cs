using System.Collections.Generic;
using NJsonSchema;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Where a member's own keywords and extensions may stand: its schema, the schema it references, and each of its
/// <c>allOf</c> parts and what they reference (<c>{ "allOf": [ { "$ref": ... } ], "default": 15 }</c> keeps a
/// description or a default beside a reference under OpenAPI 3.0).
/// </summary>
internal static class MemberSchemas
{
    public static IEnumerable<JsonSchema> LayersOf(JsonSchema schema)
    {
        yield return schema;
        yield return SchemaMapper.Dereference(schema);
        foreach (var part in schema.AllOf)
        {
            yield return part;
            yield return SchemaMapper.Dereference(part);
        }
    }

    /// <summary>Whether <paramref name="schema"/> itself sets the vendor extension <paramref name="extension"/> to <c>true</c>.</summary>
    public static bool Says(JsonSchema schema, string extension) =>
        schema.ExtensionData is { } extensions && extensions.TryGetValue(extension, out var value) && value is true;
}
