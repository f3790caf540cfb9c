using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace ClicRdv.Generator.Tests.PropertyBased;

/// <summary>What the generated code must contain for one document, keyed by markers the renderer writes into it.</summary>
/// <param name="Classes">For each object schema's marker (its description), the JSON names of all its properties, inherited ones included.</param>
/// <param name="ComponentClasses">The markers of component object schemas: each must have become a class.</param>
/// <param name="StringEnums">For each string enum's marker, the distinct wire values.</param>
/// <param name="IntegerEnums">For each integer enum's marker, the distinct values.</param>
/// <param name="Operations">For each operation's marker (its summary), the parameters sent in the URL or headers: (location, wire name).</param>
/// <param name="OperationPaths">For each operation's marker, its path template.</param>
/// <param name="DeepObjectParameterNames">Names of deepObject parameters: their keys are written field by field, so their names do not appear alone.</param>
internal sealed record Expectations(
    IReadOnlyDictionary<string, IReadOnlyCollection<string>> Classes,
    IReadOnlyCollection<string> ComponentClasses,
    IReadOnlyDictionary<string, IReadOnlyCollection<string>> StringEnums,
    IReadOnlyDictionary<string, IReadOnlyCollection<string>> IntegerEnums,
    IReadOnlyDictionary<string, IReadOnlyList<(string In, string Name)>> Operations,
    IReadOnlyDictionary<string, string> OperationPaths,
    IReadOnlyCollection<string> DeepObjectParameterNames);

internal sealed record RenderedDocument(DocumentSpec Spec, string Text, Expectations Expected);

/// <summary>
/// Writes a <see cref="DocumentSpec"/> as OpenAPI JSON. Every object schema, enum and operation gets a marker ("S12",
/// "Operation 3") in its description or summary, which the generator copies into the XML documentation of what it
/// generates, so that the tests can find the class or method made from each without knowing how it was named.
/// </summary>
internal sealed class DocumentRenderer
{
    private readonly Dictionary<string, SchemaSpec> _components;
    private readonly Dictionary<string, IReadOnlyCollection<string>> _classes = new();
    private readonly List<string> _componentClasses = new();
    private readonly Dictionary<string, IReadOnlyCollection<string>> _stringEnums = new();
    private readonly Dictionary<string, IReadOnlyCollection<string>> _integerEnums = new();
    private readonly Dictionary<string, IReadOnlyList<(string In, string Name)>> _operations = new();
    private readonly Dictionary<string, string> _operationPaths = new();
    private readonly HashSet<string> _deepObjects = new(System.StringComparer.Ordinal);
    private int _markers;

    private DocumentRenderer(DocumentSpec spec)
    {
        _components = spec.Components.ToDictionary(component => component.Name, component => component.Schema);
    }

    public static RenderedDocument Render(DocumentSpec spec)
    {
        var renderer = new DocumentRenderer(spec);
        var root = renderer.Document(spec);
        return new RenderedDocument(
            spec,
            JsonText.Write(root),
            new Expectations(renderer._classes, renderer._componentClasses, renderer._stringEnums, renderer._integerEnums, renderer._operations, renderer._operationPaths, renderer._deepObjects));
    }

    private JsonObject Document(DocumentSpec spec)
    {
        var schemas = new JsonObject();
        foreach (var (name, schema) in spec.Components)
        {
            var rendered = Schema(schema);
            if (IsClass(schema))
            {
                _componentClasses.Add((string)rendered["description"]!);
            }

            schemas[name] = rendered;
        }

        var paths = new JsonObject();
        foreach (var operation in spec.Operations)
        {
            if (paths[operation.Path] is not JsonObject item)
            {
                item = new JsonObject();
                paths[operation.Path] = item;
            }

            if (!item.ContainsKey(operation.Method))
            {
                item[operation.Method] = Operation(operation);
            }
        }

        var tags = new JsonArray();
        foreach (var tag in spec.Tags)
        {
            tags.Add(new JsonObject { ["name"] = tag.Name, ["description"] = tag.Description });
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = spec.Title, ["version"] = "1.0" },
            ["tags"] = tags,
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private JsonObject Operation(OperationSpec operation)
    {
        var marker = "Operation " + (++_markers).ToString(CultureInfo.InvariantCulture);
        var result = new JsonObject { ["summary"] = marker };
        if (operation.OperationId is not null)
        {
            result["operationId"] = operation.OperationId;
        }

        if (operation.Description is not null)
        {
            result["description"] = operation.Description;
        }

        if (operation.Deprecated)
        {
            result["deprecated"] = true;
        }

        if (operation.Tags.Count > 0)
        {
            result["tags"] = new JsonArray(operation.Tags.Select(tag => (JsonNode?)JsonValue.Create(tag)).ToArray());
        }

        var parameters = new JsonArray();
        foreach (var parameter in operation.Parameters)
        {
            var rendered = new JsonObject { ["name"] = parameter.Name, ["in"] = parameter.In, ["schema"] = Schema(parameter.Schema) };
            if (parameter.Required)
            {
                rendered["required"] = true;
            }

            if (parameter.Style is not null)
            {
                rendered["style"] = parameter.Style;
            }

            if (parameter.Explode is { } explode)
            {
                rendered["explode"] = explode;
            }

            parameters.Add(rendered);
        }

        if (parameters.Count > 0)
        {
            result["parameters"] = parameters;
        }

        if (operation.Body is { } body)
        {
            result["requestBody"] = new JsonObject
            {
                ["required"] = body.Required,
                ["content"] = new JsonObject { [body.MediaType] = new JsonObject { ["schema"] = Schema(body.Schema) } },
            };
        }

        var responses = new JsonObject();
        foreach (var response in operation.Responses)
        {
            var rendered = new JsonObject { ["description"] = "Status " + response.Status };
            if (response.MediaType is not null)
            {
                rendered["content"] = new JsonObject { [response.MediaType] = new JsonObject { ["schema"] = Schema(response.Schema!) } };
            }

            responses[response.Status] = rendered;
        }

        result["responses"] = responses;
        _operations[marker] = ExpectedParameters(operation);
        _operationPaths[marker] = JsonText.AsRead(operation.Path);
        _deepObjects.UnionWith(operation.Parameters.Where(parameter => parameter.Style == "deepObject").Select(parameter => JsonText.AsRead(parameter.Name)));
        return result;
    }

    /// <summary>Bytes (format byte or binary), or an array of them: the generator leaves such a parameter out with CRDV100.</summary>
    private static bool IsBinary(SchemaSpec schema) => schema switch
    {
        PrimitiveSchema { Type: "string", Format: "byte" or "binary" } => true,
        ArraySchema array => IsBinary(array.Items),
        _ => false,
    };

    /// <summary>
    /// The parameters the generated method sends: path, query, header and cookie parameters (a deepObject only with an
    /// object of fields to write), and a string parameter for each placeholder the document forgot to declare.
    /// </summary>
    private static IReadOnlyList<(string In, string Name)> ExpectedParameters(OperationSpec operation)
    {
        var sent = operation.Parameters
            .Where(parameter => parameter.In is "path" or "query" or "header" or "cookie")
            .Where(parameter => parameter.Style != "deepObject" || parameter.Schema is ObjectSchema or ArraySchema { Items: ObjectSchema })
            .Where(parameter => !IsBinary(parameter.Schema))
            .Select(parameter => (In: parameter.In, Name: JsonText.AsRead(parameter.Name)))
            .ToList();
        var placeholders = operation.PathSegments.Where(segment => segment.StartsWith('{')).Select(segment => JsonText.AsRead(segment.Substring(1, segment.Length - 2))).Distinct();
        sent.AddRange(placeholders.Where(name => !sent.Contains(("path", name))).Select(name => ("path", name)));
        return sent.OrderBy(parameter => parameter.In, System.StringComparer.Ordinal).ThenBy(parameter => parameter.Name, System.StringComparer.Ordinal).ToList();
    }

    private JsonObject Schema(SchemaSpec schema)
    {
        switch (schema)
        {
            case PrimitiveSchema primitive:
                var result = new JsonObject();
                if (primitive.Type is not null)
                {
                    result["type"] = primitive.Type;
                }

                if (primitive.Format is not null)
                {
                    result["format"] = primitive.Format;
                }

                if (primitive.Nullable)
                {
                    result["nullable"] = true;
                }

                if (primitive.Description is not null)
                {
                    result["description"] = primitive.Description;
                }

                return result;

            case EnumSchema enumeration:
                var enumMarker = NextMarker();
                var values = new JsonArray(enumeration.Values.Select(value => value is long number ? JsonValue.Create(number) : (JsonNode?)JsonValue.Create((string)value)).ToArray());
                var isInteger = enumeration.Type == "integer" || (enumeration.Type is null && enumeration.Values.All(value => value is long));
                var distinct = enumeration.Values.Select(value => JsonText.AsRead(System.Convert.ToString(value, CultureInfo.InvariantCulture)!)).Distinct(System.StringComparer.Ordinal).ToList();
                (isInteger ? _integerEnums : _stringEnums)[enumMarker] = distinct;
                var rendered = new JsonObject { ["description"] = enumMarker, ["enum"] = values };
                if (enumeration.Type is not null)
                {
                    rendered["type"] = enumeration.Type;
                }

                return rendered;

            case ObjectSchema obj:
                var properties = new JsonObject();
                foreach (var property in obj.Properties)
                {
                    properties[property.Name] = Schema(property.Schema);
                }

                var objectResult = new JsonObject { ["type"] = "object", ["properties"] = properties };
                if (obj.Properties.Count > 0)
                {
                    var marker = NextMarker();
                    objectResult["description"] = marker;
                    _classes[marker] = WireNames(obj, new HashSet<string>());
                }

                if (obj.Required.Count > 0)
                {
                    objectResult["required"] = new JsonArray(obj.Required.Select(name => (JsonNode?)JsonValue.Create(name)).ToArray());
                }

                if (obj.AdditionalProperties is { } additional)
                {
                    objectResult["additionalProperties"] = additional;
                }

                if (obj.Nullable)
                {
                    objectResult["nullable"] = true;
                }

                return objectResult;

            case ArraySchema array:
                return new JsonObject { ["type"] = "array", ["items"] = Schema(array.Items) };

            case MapSchema map:
                return new JsonObject { ["type"] = "object", ["additionalProperties"] = Schema(map.Values) };

            case RefSchema reference:
                return new JsonObject { ["$ref"] = "#/components/schemas/" + reference.Target.Replace("~", "~0").Replace("/", "~1") };

            case AllOfSchema allOf:
                var allOfMarker = NextMarker();
                _classes[allOfMarker] = WireNames(allOf, new HashSet<string>());
                return new JsonObject
                {
                    ["description"] = allOfMarker,
                    ["allOf"] = new JsonArray(allOf.Parts.Select(part => (JsonNode?)Schema(part)).ToArray()),
                };

            case OneOfSchema oneOf:
                return new JsonObject { [oneOf.AnyOf ? "anyOf" : "oneOf"] = new JsonArray(oneOf.Variants.Select(variant => (JsonNode?)Schema(variant)).ToArray()) };

            default:
                throw new System.ArgumentOutOfRangeException(nameof(schema), schema, "Not a schema kind the renderer knows.");
        }
    }

    private string NextMarker() => "S" + (++_markers).ToString(CultureInfo.InvariantCulture);

    private bool IsClass(SchemaSpec schema) => schema is ObjectSchema { Properties.Count: > 0 } || (schema is AllOfSchema allOf && !IsAnnotatedScalar(allOf));

    /// <summary>
    /// An <c>allOf</c> of one scalar or enum part and parts without a type (<c>{}</c>, a description, <c>nullable</c>):
    /// the generator maps it to that part's type, as <c>allOf: [ { $ref: an enum }, { default: ... } ]</c> means.
    /// </summary>
    private bool IsAnnotatedScalar(AllOfSchema allOf)
    {
        var typed = allOf.Parts.Where(part => part is not PrimitiveSchema { Type: null, Format: null }).ToList();
        return typed.Count == 1 && Resolved(typed[0]) is EnumSchema or PrimitiveSchema { Type: not null };
    }

    /// <summary>The schema a reference leads to, through references between components; null for a dangling or cyclic one.</summary>
    private SchemaSpec? Resolved(SchemaSpec schema)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        while (schema is RefSchema reference)
        {
            if (!seen.Add(reference.Target) || !_components.TryGetValue(reference.Target, out var target))
            {
                return null;
            }

            schema = target;
        }

        return schema;
    }

    /// <summary>The JSON names an object's class must carry: its own properties and those of every <c>allOf</c> part.</summary>
    private IReadOnlyCollection<string> WireNames(SchemaSpec schema, HashSet<string> visitedComponents)
    {
        switch (schema)
        {
            case ObjectSchema obj:
                return obj.Properties.Select(property => JsonText.AsRead(property.Name)).ToList();
            case AllOfSchema allOf:
                return allOf.Parts.SelectMany(part => WireNames(part, visitedComponents)).Distinct(System.StringComparer.Ordinal).ToList();
            case RefSchema reference when visitedComponents.Add(reference.Target) && _components.TryGetValue(reference.Target, out var target):
                return WireNames(target, visitedComponents);
            default:
                return System.Array.Empty<string>();
        }
    }
}
