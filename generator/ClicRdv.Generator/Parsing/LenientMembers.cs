using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Model;
using NJsonSchema;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// The <c>x-lenient</c> extension: a member whose value the server sends in more than one JSON form (ClicRDV sends a
/// flag as <c>false</c>, <c>0</c> or <c>"1"</c>, and <c>""</c> for "none"). The generated member reads each form and
/// writes the documented type. It applies to boolean, integer, number and string members; elsewhere it has no effect.
/// </summary>
internal static class LenientMembers
{
    /// <summary>The types a lenient reading exists for, and the word each one's converter is named with.</summary>
    private static readonly Dictionary<string, string> Scalars = new()
    {
        ["bool"] = "Boolean",
        ["int"] = "Int32",
        ["long"] = "Int64",
        ["float"] = "Single",
        ["double"] = "Double",
        ["decimal"] = "Decimal",
        ["string"] = "String",
    };

    public const string Extension = "x-lenient";

    /// <summary>Whether the member's schema, the schema it references or one of its <c>allOf</c> parts says <c>x-lenient: true</c>.</summary>
    public static bool IsLenient(JsonSchema schema) => MemberSchemas.LayersOf(schema).Any(layer => MemberSchemas.Says(layer, Extension));

    /// <summary>The base of the converter's name for a member of <paramref name="type"/>, or null when no lenient reading exists for it.</summary>
    public static string? ConverterNameFor(TypeRef type) =>
        type.Kind == TypeKind.Primitive && type.Converter is null && Scalars.TryGetValue(type.Name, out var word)
            ? "Lenient" + (type.IsValueType && type.IsNullable ? "Nullable" : string.Empty) + word + "JsonConverter"
            : null;
}
