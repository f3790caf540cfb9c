using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>A path or query parameter of an operation.</summary>
/// <param name="DeepObject">Written <c>name[i][field]=value</c> (style deepObject).</param>
internal sealed record DocumentParameter(string Name, string In, bool Required, SchemaFacts Schema, bool DeepObject);

/// <summary>An operation's request body: its first media type and that type's schema.</summary>
internal sealed record DocumentBody(string MediaType, SchemaFacts Schema, bool Required)
{
    public bool IsJson => MediaType.Contains("json", StringComparison.Ordinal);
}

/// <summary>One operation of the OpenAPI document, as the fuzz builds requests for it.</summary>
/// <param name="NeedsUser">Whether it takes Basic or session credentials besides the apikey (every operation but the login).</param>
internal sealed record DocumentOperation(string Method, string Template, string OperationId, IReadOnlyList<DocumentParameter> Parameters, DocumentBody? Body, bool NeedsUser)
{
    public static readonly string[] Methods = { "get", "put", "post", "delete", "patch" };

    /// <summary>The path parameters, in the order the template names them.</summary>
    public IEnumerable<DocumentParameter> PathParameters => Parameters.Where(parameter => parameter.In == "path").OrderBy(parameter => Template.IndexOf("{" + parameter.Name + "}", StringComparison.Ordinal));

    public IEnumerable<DocumentParameter> QueryParameters => Parameters.Where(parameter => parameter.In == "query");

    public override string ToString() => $"{Method} {Template} ({OperationId})";

    /// <summary>Every operation of <paramref name="documentPath"/>, in the document's order.</summary>
    public static (JsonNode Document, IReadOnlyList<DocumentOperation> Operations) ReadAll(string documentPath)
    {
        var document = JsonNode.Parse(File.ReadAllText(documentPath))!;
        var operations = new List<DocumentOperation>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods.Where(method => item![method] is not null))
            {
                var operation = item![method]!;
                var parameters = (item["parameters"]?.AsArray() ?? new JsonArray()).Concat(operation["parameters"]?.AsArray() ?? new JsonArray())
                    .Select(parameter => SchemaFacts.Resolve(document, parameter!))
                    .Select(parameter => new DocumentParameter(
                        (string)parameter["name"]!,
                        (string)parameter["in"]!,
                        (bool?)parameter["required"] ?? false,
                        SchemaFacts.Of(document, parameter["schema"]!),
                        (string?)parameter["style"] == "deepObject"))
                    .GroupBy(parameter => (parameter.Name, parameter.In))
                    .Select(group => group.Last()) // an operation's parameter overrides the path item's
                    .ToList();
                var security = (operation["security"] ?? document["security"])?.AsArray() ?? new JsonArray();
                var needsUser = security.Count == 0 || security.Any(requirement => requirement!.AsObject().Any(scheme => scheme.Key != "apikey"));
                operations.Add(new DocumentOperation(method.ToUpperInvariant(), template, (string)operation["operationId"]!, parameters, ReadBody(document, operation), needsUser));
            }
        }

        return (document, operations);
    }

    private static DocumentBody? ReadBody(JsonNode document, JsonNode operation)
    {
        if (operation["requestBody"] is not { } reference)
        {
            return null;
        }

        var body = SchemaFacts.Resolve(document, reference);
        var (mediaType, content) = body["content"]!.AsObject().First();
        return new DocumentBody(mediaType, SchemaFacts.Of(document, content!["schema"]!), (bool?)body["required"] ?? false);
    }
}
