using System.Collections.Generic;

namespace ClicRdv.Generator.Tests.PropertyBased;

/// <summary>A schema of a generated document, as plain data: rendered to JSON, and used to know what the code must contain.</summary>
internal abstract record SchemaSpec;

/// <param name="Type">string, integer, number, boolean, or null for a schema without a type (any JSON).</param>
internal sealed record PrimitiveSchema(string? Type, string? Format, bool Nullable, string? Description) : SchemaSpec;

/// <param name="Type">string, integer, or null (the values then decide).</param>
/// <param name="Values">Strings or longs; duplicates and values that collide once sanitized are the point.</param>
internal sealed record EnumSchema(string? Type, IReadOnlyList<object> Values) : SchemaSpec;

internal sealed record ObjectSchema(IReadOnlyList<PropertySpec> Properties, IReadOnlyList<string> Required, bool? AdditionalProperties, bool Nullable) : SchemaSpec;

internal sealed record PropertySpec(string Name, SchemaSpec Schema);

internal sealed record ArraySchema(SchemaSpec Items) : SchemaSpec;

/// <summary>An object with <c>additionalProperties</c> and no properties: a dictionary.</summary>
internal sealed record MapSchema(SchemaSpec Values) : SchemaSpec;

/// <param name="Target">A component name; one that no component has makes a dangling reference.</param>
internal sealed record RefSchema(string Target) : SchemaSpec;

internal sealed record AllOfSchema(IReadOnlyList<SchemaSpec> Parts) : SchemaSpec;

internal sealed record OneOfSchema(IReadOnlyList<SchemaSpec> Variants, bool AnyOf) : SchemaSpec;

/// <param name="In">path, query, header or cookie.</param>
/// <param name="Style">An OpenAPI style (form, deepObject, pipeDelimited...), or null.</param>
internal sealed record ParameterSpec(string Name, string In, string? Style, bool? Explode, bool Required, SchemaSpec Schema);

/// <param name="MediaType">application/json, application/x-www-form-urlencoded, text/plain, application/octet-stream...</param>
internal sealed record BodySpec(string MediaType, SchemaSpec Schema, bool Required);

/// <param name="MediaType">The content's media type, or null for a response without content.</param>
internal sealed record ResponseSpec(string Status, string? MediaType, SchemaSpec? Schema);

/// <param name="PathSegments">Literal segments, and placeholders written <c>{name}</c>.</param>
internal sealed record OperationSpec(
    IReadOnlyList<string> PathSegments,
    string Method,
    string? OperationId,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ParameterSpec> Parameters,
    BodySpec? Body,
    IReadOnlyList<ResponseSpec> Responses,
    string? Description,
    bool Deprecated)
{
    public string Path => "/" + string.Join("/", PathSegments);
}

internal sealed record TagSpec(string Name, string? Description);

/// <param name="ClosedEnums">Whether the document is generated with <c>ClicRdvClosedEnums</c> (C# enums rather than open structs).</param>
internal sealed record DocumentSpec(
    string Title,
    IReadOnlyList<(string Name, SchemaSpec Schema)> Components,
    IReadOnlyList<OperationSpec> Operations,
    IReadOnlyList<TagSpec> Tags,
    bool ClosedEnums);
