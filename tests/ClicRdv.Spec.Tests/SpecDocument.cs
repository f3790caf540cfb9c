using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ClicRdv.Testing;

namespace ClicRdv.Spec.Tests;

/// <summary>spec/clicrdv.v1.openapi.json as plain JSON, with the few look-ups its tests share.</summary>
internal static class SpecDocument
{
    public static readonly JsonElement Root = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Spec)).RootElement;

    public static JsonElement Schemas => Root.GetProperty("components").GetProperty("schemas");

    /// <summary>Follows a local <c>$ref</c> (to a schema, a response or a parameter) to what it names.</summary>
    public static JsonElement Resolve(JsonElement node)
    {
        while (node.TryGetProperty("$ref", out var reference))
        {
            node = reference.GetString()!.TrimStart('#').Split('/', System.StringSplitOptions.RemoveEmptyEntries)
                .Aggregate(Root, (current, segment) => current.GetProperty(segment));
        }

        return node;
    }

    public static IEnumerable<(string Verb, string Path, JsonElement Operation)> Operations() =>
        from path in Root.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where operation.Name is "get" or "post" or "put" or "delete" or "patch"
        select (operation.Name.ToUpperInvariant(), path.Name, operation.Value);

    /// <summary>The operation's parameters, those of its path included.</summary>
    public static IEnumerable<JsonElement> ParametersOf(string path, JsonElement operation)
    {
        var item = Root.GetProperty("paths").GetProperty(path);
        var shared = item.TryGetProperty("parameters", out var common) ? common.EnumerateArray() : Enumerable.Empty<JsonElement>();
        var own = operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : Enumerable.Empty<JsonElement>();
        return shared.Concat(own).Select(Resolve);
    }

    /// <summary>The JSON schema of an operation's <c>application/json</c> body.</summary>
    public static JsonElement JsonBodySchemaOf(string path, string verb) =>
        Root.GetProperty("paths").GetProperty(path).GetProperty(verb.ToLowerInvariant())
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");

    /// <summary>Every JSON object of the document, with its JSON pointer.</summary>
    public static IEnumerable<(string Pointer, JsonElement Node)> Objects() => ObjectsUnder("#", Root);

    /// <summary>The names an object schema requires, through its <c>allOf</c> members and references.</summary>
    public static ISet<string> RequiredOf(JsonElement schema)
    {
        schema = Resolve(schema);
        var required = schema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(name => name.GetString()!).ToHashSet() : new HashSet<string>();
        if (schema.TryGetProperty("allOf", out var parts))
        {
            foreach (var part in parts.EnumerateArray())
            {
                required.UnionWith(RequiredOf(part));
            }
        }

        return required;
    }

    /// <summary>The properties of an object schema, through its <c>allOf</c> members and references.</summary>
    public static IDictionary<string, JsonElement> PropertiesOf(JsonElement schema)
    {
        schema = Resolve(schema);
        var properties = schema.TryGetProperty("properties", out var own) ? own.EnumerateObject().ToDictionary(property => property.Name, property => property.Value) : new Dictionary<string, JsonElement>();
        if (schema.TryGetProperty("allOf", out var parts))
        {
            foreach (var inherited in parts.EnumerateArray().SelectMany(PropertiesOf))
            {
                properties.TryAdd(inherited.Key, inherited.Value);
            }
        }

        return properties;
    }

    /// <summary>A schema and every schema inside it (properties, items, allOf, oneOf, anyOf), references followed once.</summary>
    public static IEnumerable<JsonElement> SchemasWithin(JsonElement schema)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<JsonElement>(new[] { schema });
        while (pending.TryPop(out var current))
        {
            if (current.TryGetProperty("$ref", out var reference) && !seen.Add(reference.GetString()!))
            {
                continue;
            }

            current = Resolve(current);
            yield return current;
            var inner = (current.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(property => property.Value) : Enumerable.Empty<JsonElement>())
                .Concat(current.TryGetProperty("items", out var items) ? new[] { items } : Enumerable.Empty<JsonElement>())
                .Concat(new[] { "allOf", "oneOf", "anyOf" }.SelectMany(keyword => current.TryGetProperty(keyword, out var parts) ? parts.EnumerateArray() : Enumerable.Empty<JsonElement>()));
            foreach (var next in inner)
            {
                pending.Push(next);
            }
        }
    }

    private static IEnumerable<(string Pointer, JsonElement Node)> ObjectsUnder(string pointer, JsonElement node)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            yield return (pointer, node);
            foreach (var member in node.EnumerateObject())
            {
                foreach (var inner in ObjectsUnder(pointer + "/" + member.Name.Replace("~", "~0").Replace("/", "~1"), member.Value))
                {
                    yield return inner;
                }
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in node.EnumerateArray())
            {
                foreach (var inner in ObjectsUnder($"{pointer}/{index++}", item))
                {
                    yield return inner;
                }
            }
        }
    }
}
