using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClicRdv.Generator.Tests.Infrastructure;

/// <summary>
/// Splits a document the way projects split theirs: each component schema moves to <c>schemas/{n}.json</c> (or
/// <c>.yaml</c>, every other one, as YAML), the
/// component becomes a <c>$ref</c> to that file, and every reference to a component schema (in <c>$ref</c>s and
/// discriminator mappings) becomes a reference to its file, relative to the file it is written in.
/// </summary>
internal static class SchemaFiles
{
    private const string SchemaPointer = "#/components/schemas/";

    /// <summary>The files of the split document by path: the document at <paramref name="documentPath"/> and one per schema.</summary>
    public static IReadOnlyDictionary<string, string> Split(string documentPath, string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var names = schemas.Select((schema, index) => (schema.Key, Index: index)).ToDictionary(pair => pair.Key, pair => pair.Index);
        var folder = documentPath.Substring(0, documentPath.LastIndexOf('/') + 1);
        var documentName = documentPath.Substring(folder.Length);
        var files = new Dictionary<string, string>();

        foreach (var (name, index) in names)
        {
            var schema = schemas[name]!.DeepClone();
            Rewrite(schema, names, schemaFolder: string.Empty, documentFromHere: "../" + documentName);
            var text = schema.ToJsonString();
            files.Add($"{folder}schemas/{FileName(index)}", index % 2 == 0 ? text : JsonToYaml.Convert(text));
            schemas[name] = new JsonObject { ["$ref"] = $"schemas/{FileName(index)}" };
        }

        foreach (var member in document.Where(member => member.Key != "components").ToList())
        {
            Rewrite(member.Value, names, schemaFolder: "schemas/", documentFromHere: string.Empty);
        }

        files.Add(documentPath, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return files;
    }

    private static string FileName(int index) => index % 2 == 0 ? $"{index}.json" : $"{index}.yaml";

    private static void Rewrite(JsonNode? node, IReadOnlyDictionary<string, int> names, string schemaFolder, string documentFromHere)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var member in obj.ToList())
                {
                    if ((member.Key == "$ref" || obj.Parent is JsonObject parent && parent["mapping"] == obj) && member.Value is JsonValue value && value.TryGetValue<string>(out var target))
                    {
                        obj[member.Key] = Target(target, names, schemaFolder, documentFromHere);
                    }
                    else
                    {
                        Rewrite(member.Value, names, schemaFolder, documentFromHere);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Rewrite(item, names, schemaFolder, documentFromHere);
                }

                break;
        }
    }

    private static string Target(string target, IReadOnlyDictionary<string, int> names, string schemaFolder, string documentFromHere)
    {
        if (!target.StartsWith("#", System.StringComparison.Ordinal))
        {
            return target;
        }

        if (target.StartsWith(SchemaPointer, System.StringComparison.Ordinal))
        {
            var rest = target.Substring(SchemaPointer.Length);
            var slash = rest.IndexOf('/');
            var name = (slash < 0 ? rest : rest.Substring(0, slash)).Replace("~1", "/").Replace("~0", "~");
            if (names.TryGetValue(System.Uri.UnescapeDataString(name), out var index))
            {
                return schemaFolder + FileName(index) + (slash < 0 ? string.Empty : "#" + rest.Substring(slash));
            }
        }

        return documentFromHere + target;
    }
}
