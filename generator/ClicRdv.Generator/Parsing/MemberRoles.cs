using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace ClicRdv.Generator.Parsing;

/// <summary>What a JSON value of an OpenAPI document is, as far as following its <c>$ref</c>s goes.</summary>
internal enum MemberRole
{
    /// <summary>An OpenAPI object that is not a schema (an operation, a parameter, a response...).</summary>
    Node,

    /// <summary>A schema: a <c>$ref</c> to another file's schema keeps it a named schema.</summary>
    Schema,

    /// <summary>A map from names to schemas (<c>properties</c>, <c>components.schemas</c>...): its keys are names, not keywords.</summary>
    SchemaMap,

    /// <summary>A map from names to OpenAPI objects (<c>paths</c>, <c>responses</c>, <c>content</c>...).</summary>
    NodeMap,

    /// <summary>A discriminator's <c>mapping</c>: its values are references.</summary>
    DiscriminatorMapping,

    /// <summary>An example, a default, an extension: JSON in which a <c>$ref</c> is data.</summary>
    Data,
}

/// <summary>The role of each member of an OpenAPI object, from its key: the rules of OpenAPI 3.0 and 3.1 and JSON Schema.</summary>
internal static class MemberRoles
{
    private static readonly HashSet<string> SchemaKeys = new(StringComparer.Ordinal)
    {
        "schema", "items", "additionalProperties", "not", "contains", "if", "then", "else", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema",
        "allOf", "anyOf", "oneOf", "prefixItems",
    };

    private static readonly HashSet<string> SchemaMapKeys = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "definitions", "$defs", "dependentSchemas", "schemas",
    };

    /// <summary>The role of the value of <paramref name="key"/> in an object of role <paramref name="parent"/> (a list's items share it).</summary>
    public static MemberRole Of(string key, JToken value, MemberRole parent) => parent switch
    {
        MemberRole.Data => MemberRole.Data,
        MemberRole.SchemaMap => MemberRole.Schema,
        MemberRole.NodeMap => MemberRole.Node,
        MemberRole.DiscriminatorMapping => MemberRole.Data,
        _ when ExternalReferences.IsData(key, value.Type == JTokenType.Array ? Newtonsoft.Json.JsonToken.StartArray : Newtonsoft.Json.JsonToken.StartObject) => MemberRole.Data,
        _ when key == "mapping" => MemberRole.DiscriminatorMapping,
        // A list under a name-map key (an operation's "parameters", a path item's "servers") holds objects, not names.
        _ when value.Type == JTokenType.Array => SchemaKeys.Contains(key) ? MemberRole.Schema : MemberRole.Node,
        _ when SchemaMapKeys.Contains(key) => MemberRole.SchemaMap,
        _ when SchemaKeys.Contains(key) => MemberRole.Schema,
        _ when ExternalReferences.NameMaps.Contains(key) => MemberRole.NodeMap,
        _ => MemberRole.Node,
    };
}
