using System.Collections.Generic;
using NJsonSchema;
using NSwag;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// The JSON pointer at which each schema of a document is written, so that a diagnostic about an inline schema stands
/// where the schema does. The walk is done once, the first time a pointer is asked for (only diagnostics ask).
/// </summary>
internal sealed class SchemaPointers
{
    private readonly OpenApiDocument _document;
    private Dictionary<JsonSchema, string>? _pointers;

    public SchemaPointers(OpenApiDocument document) => _document = document;

    /// <summary>The pointer of the first place <paramref name="schema"/> is written, or empty when it is not found.</summary>
    public string Of(JsonSchema schema)
    {
        _pointers ??= Walk();
        return _pointers.TryGetValue(schema, out var pointer) ? pointer : string.Empty;
    }

    private Dictionary<JsonSchema, string> Walk()
    {
        var pointers = new Dictionary<JsonSchema, string>(ReferenceEqualityComparer<JsonSchema>.Instance);
        foreach (var component in _document.Components.Schemas)
        {
            Add(pointers, component.Value, "/components/schemas/" + Segment(component.Key));
        }

        foreach (var path in _document.Paths)
        {
            foreach (var operation in path.Value)
            {
                var at = "/paths/" + Segment(path.Key) + "/" + operation.Key;
                var index = 0;
                foreach (var parameter in operation.Value.Parameters)
                {
                    Add(pointers, parameter?.Schema, at + "/parameters/" + index++ + "/schema");
                }

                if (operation.Value.RequestBody is { } body)
                {
                    AddContent(pointers, body.Content, at + "/requestBody/content/");
                }

                foreach (var response in operation.Value.Responses)
                {
                    AddContent(pointers, response.Value?.Content, at + "/responses/" + Segment(response.Key) + "/content/");
                }
            }
        }

        return pointers;
    }

    private static void AddContent(Dictionary<JsonSchema, string> pointers, IDictionary<string, OpenApiMediaType>? content, string at)
    {
        foreach (var media in content ?? new Dictionary<string, OpenApiMediaType>())
        {
            Add(pointers, media.Value?.Schema, at + Segment(media.Key) + "/schema");
        }
    }

    /// <summary>Records the schema and what is written inside it; a <c>$ref</c> is not followed, its target has its own place.</summary>
    private static void Add(Dictionary<JsonSchema, string> pointers, JsonSchema? schema, string pointer)
    {
        if (schema is null || pointers.ContainsKey(schema))
        {
            return;
        }

        pointers[schema] = pointer;
        foreach (var property in schema.Properties)
        {
            Add(pointers, property.Value, pointer + "/properties/" + Segment(property.Key));
        }

        AddEach(pointers, schema.AllOf, pointer + "/allOf/");
        AddEach(pointers, schema.OneOf, pointer + "/oneOf/");
        AddEach(pointers, schema.AnyOf, pointer + "/anyOf/");
        Add(pointers, schema.Item, pointer + "/items");
        Add(pointers, schema.AdditionalPropertiesSchema, pointer + "/additionalProperties");
    }

    private static void AddEach(Dictionary<JsonSchema, string> pointers, ICollection<JsonSchema> schemas, string at)
    {
        var index = 0;
        foreach (var schema in schemas)
        {
            Add(pointers, schema, at + index++);
        }
    }

    private static string Segment(string name) => SourceLocator.EscapeSegment(name);
}
