using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ClicRdv.Generator.Diagnostics;
using Newtonsoft.Json;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Finds every <c>$ref</c> that still points outside the document once the project's files it references are bundled
/// into it (<see cref="DocumentBundler"/>): a URL of any scheme, an absolute path, a file the project does not list.
/// It reports each as CRDV003 at the <c>$ref</c>, before NSwag reads anything. A build must never reach the network or
/// read files the project did not list: its output would change when a remote host's answer does while the
/// incremental cache believes nothing changed, and a build would hang when the host is down.
/// <see cref="DocumentOnlyReferenceResolver"/> refuses the same references inside NSwag, should one pass this scan.
/// </summary>
internal static class ExternalReferences
{
    /// <summary>Keywords whose value is a map of names (schema names, paths, media types...) to objects, not keywords.</summary>
    internal static readonly HashSet<string> NameMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "definitions", "$defs", "dependentSchemas", "paths", "webhooks", "schemas",
        "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links", "callbacks",
        "pathItems", "content", "encoding", "variables",
    };

    /// <summary>Keywords whose value is data (an example, a default...): a <c>$ref</c> inside it is not a reference.</summary>
    private static readonly HashSet<string> DataKeywords = new(StringComparer.Ordinal) { "example", "default", "enum", "const", "value" };

    /// <summary>Reports each reference outside the document; true when there was one.</summary>
    public static bool Report(string text, DiagnosticSink diagnostics)
    {
        var found = false;
        using var reader = new JsonTextReader(new System.IO.StringReader(text));
        try
        {
            if (reader.Read() && reader.TokenType == JsonToken.StartObject)
            {
                found = ScanObject(reader, isNameMap: false, diagnostics);
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is the reader's to report, with its own place.
        }

        return found;
    }

    /// <summary>Why a <c>$ref</c> target is not followed, or null when it is a reference inside the document.</summary>
    public static string? Refusal(string target)
    {
        if (target.StartsWith("#", StringComparison.Ordinal))
        {
            return null;
        }

        if (RelativeReferences.IsAbsolutePath(target))
        {
            return $"'{target}' is an absolute file path: a build reads only the project's files, by paths relative to the file that refers to them, so that it gives the same output on every machine; write the path relative to this file";
        }

        if (RelativeReferences.IsRemote(target))
        {
            return $"'{target}' is a remote reference: references are never fetched, so that a build does not reach the network; copy the file into the project, list it as an AdditionalFiles item and refer to it by a path relative to this file";
        }

        return $"'{target}' names a file that is not one of the project's AdditionalFiles, and only those are read: list it as one (for example <AdditionalFiles Include=\"schemas/**/*.yaml\" />), or check the path, which is relative to the file that refers to it";
    }

    /// <summary>Scans the object the reader is at the start of, up to its end.</summary>
    private static bool ScanObject(JsonTextReader reader, bool isNameMap, DiagnosticSink diagnostics)
    {
        var found = false;
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var key = (string)reader.Value!;
            var (line, column) = (reader.LineNumber, reader.LinePosition);
            if (!reader.Read())
            {
                break;
            }

            if (!isNameMap && key == "$ref" && reader.TokenType == JsonToken.String && Refusal((string)reader.Value!) is { } refusal)
            {
                diagnostics.DocumentError(DiagnosticDescriptors.UnresolvedReference, diagnostics.Locator.AtLineColumn(line, column), refusal);
                found = true;
            }
            else if (!isNameMap && IsData(key, reader.TokenType))
            {
                reader.Skip();
            }
            else
            {
                found |= ScanValue(reader, childIsNameMap: !isNameMap && NameMaps.Contains(key), diagnostics);
            }
        }

        return found;
    }

    private static bool ScanValue(JsonTextReader reader, bool childIsNameMap, DiagnosticSink diagnostics)
    {
        switch (reader.TokenType)
        {
            case JsonToken.StartObject:
                return ScanObject(reader, childIsNameMap, diagnostics);
            case JsonToken.StartArray:
                var found = false;
                while (reader.Read() && reader.TokenType != JsonToken.EndArray)
                {
                    found |= ScanValue(reader, childIsNameMap: false, diagnostics);
                }

                return found;
            default:
                return false;
        }
    }

    /// <summary>An example, a default, an enum, an extension: JSON a <c>$ref</c> in which is data. A schema's <c>examples</c> is a list of them.</summary>
    internal static bool IsData(string key, JsonToken value) =>
        DataKeywords.Contains(key)
        || key.StartsWith("x-", StringComparison.Ordinal)
        || (key == "examples" && value == JsonToken.StartArray);
}
