using System.Linq;
using NJsonSchema;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// The <c>x-lenient</c> extension: a member whose value the server sends in more than one JSON form (ClicRDV sends a
/// flag as <c>false</c>, <c>0</c> or <c>"1"</c>, and <c>""</c> for "none"). The generated member reads each form and
/// writes the documented type. It applies to boolean, integer, number and string members; elsewhere it has no effect.
/// </summary>
internal static class LenientMembers
{
    public const string Extension = "x-lenient";

    /// <summary>Whether the member's schema, the schema it references or one of its <c>allOf</c> parts says <c>x-lenient: true</c>.</summary>
    public static bool IsLenient(JsonSchema schema) => MemberSchemas.LayersOf(schema).Any(Says);

    private static bool Says(JsonSchema schema) =>
        schema.ExtensionData is { } extensions && extensions.TryGetValue(Extension, out var value) && value is true;
}
