using NJsonSchema;
using NSwag;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// The <c>x-unwrap</c> extension of a response: the answer is an envelope, such as ClicRDV's
/// <c>{"records":[{...}]}</c> around a created appointment, and the caller wants the record. The generated method
/// returns the record's type; the client reads the one record of the named member (an array of one, or an object),
/// or the whole answer when it has no such member, so that a server that answers bare is read too.
/// </summary>
internal static class ResponseEnvelopes
{
    public const string Extension = "x-unwrap";

    /// <summary>The member the response's <c>x-unwrap</c> names, or null.</summary>
    public static string? MemberOf(OpenApiResponse response) =>
        response.ExtensionData is { } extensions && extensions.TryGetValue(Extension, out var value) && value is string member && member.Trim().Length > 0
            ? member.Trim()
            : null;

    /// <summary>The record's schema: the member's items when it is an array, else the member's own; null when the envelope has no such member.</summary>
    public static JsonSchema? RecordSchema(JsonSchema envelope, string member)
    {
        if (!SchemaMapper.Dereference(envelope).ActualProperties.TryGetValue(member, out var property))
        {
            return null;
        }

        var target = SchemaMapper.Dereference(property);
        return target.Item ?? (target.Type.HasFlag(JsonObjectType.Array) ? null : property);
    }
}
