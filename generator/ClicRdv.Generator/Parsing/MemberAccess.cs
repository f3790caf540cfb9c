using System.Linq;
using NJsonSchema;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Which way a member travels, and whether an answer may leave it out although the schema requires it:
/// <list type="bullet">
/// <item><c>readOnly: true</c>: the server sends it, no request carries it (an id, a creation date).</item>
/// <item><c>writeOnly: true</c>: requests carry it, no answer is expected to (a password).</item>
/// <item><c>x-tolerant: true</c>: the server is known to leave out a member the schema requires. On a member's schema
/// it applies to that member; on an object schema (one with <c>properties</c>), to each required member of the
/// class generated for it (not to the members of its base class, which follow the base schema's own marker).</item>
/// </list>
/// <c>readOnly</c> and <c>writeOnly</c> are read where a member's keywords may stand (see <see cref="MemberSchemas"/>):
/// its schema, the schema it references, its <c>allOf</c> parts and what they reference. NJsonSchema reads them only on
/// a property's own schema; elsewhere (a component schema, an <c>allOf</c> part) they stay in its extension data.
/// </summary>
internal static class MemberAccess
{
    public const string TolerantExtension = "x-tolerant";

    /// <param name="member">The member's schema.</param>
    /// <param name="owner">The object schema whose class declares the member.</param>
    /// <param name="isRequired">Whether the schema lists the member as required: only such a member can be tolerant.</param>
    public static (bool IsReadOnly, bool IsWriteOnly, bool IsTolerant) Of(JsonSchema member, JsonSchema owner, bool isRequired)
    {
        var layers = MemberSchemas.LayersOf(member).ToList();

        // An object schema's marker speaks of its own members: a member that references one is not tolerant for that.
        var tolerant = isRequired && (MemberSchemas.Says(owner, TolerantExtension) || layers.Any(layer => layer.Properties.Count == 0 && MemberSchemas.Says(layer, TolerantExtension)));
        return (layers.Any(layer => layer is JsonSchemaProperty { IsReadOnly: true } || MemberSchemas.Says(layer, "readOnly")),
            layers.Any(layer => layer is JsonSchemaProperty { IsWriteOnly: true } || MemberSchemas.Says(layer, "writeOnly")),
            tolerant);
    }
}
