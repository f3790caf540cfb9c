using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Diagnostics;
using ClicRdv.Generator.Model;
using Newtonsoft.Json;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Rewrites what NSwag.Core cannot read of an OpenAPI 3.1 document into the shapes it reads, and reports what it reads
/// without a word: an operation without <c>responses</c> gets an empty one; a boolean schema (<c>true</c>,
/// <c>false</c>) becomes <c>{}</c> or <c>{ "not": {} }</c>; a <c>const</c> without a <c>type</c> gets its value's
/// type; a <c>$dynamicRef</c> bound by one component schema becomes a <c>$ref</c> to it (CRDV003 when nothing binds
/// it, CRDV100 when several schemas do); a missing <c>info.version</c> is assumed (CRDV104); webhooks and callbacks
/// are named (CRDV103). The text is only added to within its lines, so every line keeps its number and diagnostics
/// found in the original text, or NSwag's in the rewritten one, stand at the same line.
/// </summary>
internal sealed class OpenApi31Shapes
{
    /// <summary>The <c>info.version</c> a document without one is read with.</summary>
    public const string AssumedVersion = "1.0.0";

    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>Schema keywords whose value maps names to schemas.</summary>
    private static readonly HashSet<string> SchemaMaps = new(StringComparer.Ordinal) { "properties", "patternProperties", "definitions", "$defs", "dependentSchemas" };

    /// <summary>Schema keywords whose value is a schema.</summary>
    private static readonly HashSet<string> SchemaValues = new(StringComparer.Ordinal)
    {
        "items", "not", "additionalProperties", "additionalItems", "contains", "propertyNames", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties",
    };

    /// <summary>Schema keywords whose value is a list of schemas.</summary>
    private static readonly HashSet<string> SchemaLists = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems" };

    /// <summary>Where NJsonSchema reads a schema as an object and fails on a boolean one; elsewhere it reads booleans.</summary>
    private static readonly HashSet<string> ObjectOnlySchemaPlaces = new(StringComparer.Ordinal) { "properties", "patternProperties", "definitions", "items", "not", "allOf", "anyOf", "oneOf" };

    private readonly string _text;
    private readonly bool _isOpenApi31;

    // Reading a large document costs about as much as the scan for external references: a 3.0 one without callbacks has
    // only its info to look at, which comes first in nearly every document.
    private readonly bool _infoOnly;
    private readonly DiagnosticSink _diagnostics;
    private readonly List<(int Offset, int Length, string Text)> _edits = new();

    // Reported only once the whole text has been read: a text cut short is not judged on its first half.
    private readonly List<DiagnosticInfo> _found = new();
    private readonly Dictionary<string, List<string>> _dynamicAnchors = new(StringComparer.Ordinal);
    private readonly List<DynamicReference> _dynamicReferences = new();
    private int[]? _lineStarts;

    // Inline schemas met under a webhook or callback being walked: no contract is generated for them.
    private int _inlinePayloads;

    private OpenApi31Shapes(string text, bool isOpenApi31, DiagnosticSink diagnostics)
    {
        _text = text;
        _isOpenApi31 = isOpenApi31;
        _diagnostics = diagnostics;
        _infoOnly = !isOpenApi31 && text.IndexOf("\"callbacks\"", StringComparison.Ordinal) < 0;
    }

    /// <summary>The text NSwag is to read: <paramref name="json"/> itself when nothing needs rewriting.</summary>
    /// <param name="isOpenApi31">Whether the document declares OpenAPI 3.1, whose constructs are rewritten; the diagnostics are for every version.</param>
    public static string Normalize(string json, bool isOpenApi31, DiagnosticSink diagnostics)
    {
        var shapes = new OpenApi31Shapes(json, isOpenApi31, diagnostics);
        using var reader = new JsonTextReader(new System.IO.StringReader(json));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
            {
                return json;
            }

            if (!shapes.WalkRoot(reader))
            {
                return json;
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is the reader's to report, with its own place.
            return json;
        }

        shapes.ResolveDynamicReferences();
        foreach (var diagnostic in shapes._found)
        {
            diagnostics.Add(diagnostic);
        }

        return shapes.Rewritten();
    }

    /// <summary>Walks the document; false when the text stops before its end, which is the reader's to report.</summary>
    private bool WalkRoot(JsonTextReader reader)
    {
        foreach (var (key, line, column) in Members(reader))
        {
            switch (key)
            {
                case "info" when reader.TokenType == JsonToken.StartObject:
                    WalkInfo(reader, line, column);
                    if (_infoOnly)
                    {
                        return reader.TokenType == JsonToken.EndObject && reader.Depth == 1;
                    }

                    break;
                case "paths":
                    WalkPaths(reader);
                    break;
                case "webhooks" when _isOpenApi31:
                    WalkRequestsTheApiMakes(reader, isWebhooks: true, name => $"The webhook '{name}'");
                    break;
                case "components":
                    WalkComponents(reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        // The reader stops quietly at the end of a text cut short.
        return reader.TokenType == JsonToken.EndObject && reader.Depth == 0;
    }

    private void WalkInfo(JsonTextReader reader, int line, int column)
    {
        var start = ObjectStart(reader);
        var members = 0;
        var hasVersion = false;
        foreach (var (key, _, _) in Members(reader))
        {
            members++;
            hasVersion |= key == "version";
            reader.Skip();
        }

        if (!hasVersion)
        {
            _found.Add(DiagnosticInfo.Create(DiagnosticDescriptors.VersionAssumed, _diagnostics.Locator.AtLineColumn(line, column), _diagnostics.FilePath, AssumedVersion));
            InsertMember(start, "\"version\":" + JsonConvert.ToString(AssumedVersion), members);
        }
    }

    private void WalkComponents(JsonTextReader reader)
    {
        foreach (var (key, _, _) in Members(reader))
        {
            switch (key)
            {
                case "schemas":
                    WalkSchemaMap(reader, "/components/schemas", booleansNeedObjects: true);
                    break;
                case "callbacks" when reader.TokenType == JsonToken.StartObject:
                    // Named where an operation attaches them; here only read, each as a map of expressions to path items.
                    foreach (var _ in Members(reader))
                    {
                        WalkPaths(reader);
                    }

                    break;
                case "pathItems":
                    // NSwag.Core does not read them; a path item that references one is reported where it does.
                    reader.Skip();
                    break;
                default:
                    WalkOther(reader);
                    break;
            }
        }
    }

    /// <summary>A map of paths (or callback expressions) to path items.</summary>
    private void WalkPaths(JsonTextReader reader)
    {
        if (reader.TokenType != JsonToken.StartObject)
        {
            reader.Skip();
            return;
        }

        foreach (var (path, _, _) in Members(reader))
        {
            if (reader.TokenType == JsonToken.StartObject)
            {
                WalkPathItem(reader, path);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void WalkPathItem(JsonTextReader reader, string path)
    {
        foreach (var (key, line, column) in Members(reader))
        {
            if (Methods.Contains(key) && reader.TokenType == JsonToken.StartObject)
            {
                WalkOperation(reader, key.ToUpperInvariant() + " " + path);
            }
            else if (key == "$ref" && reader.TokenType == JsonToken.String && ((string)reader.Value!).StartsWith("#/components/pathItems/", StringComparison.Ordinal))
            {
                _found.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnreadableDocument,
                    _diagnostics.Locator.AtLineColumn(line, column),
                    _diagnostics.FilePath,
                    $"the path item of '{path}' is a $ref to '{reader.Value}', and NSwag.Core does not read components.pathItems (OpenAPI 3.1): write the path item under paths"));
            }
            else
            {
                WalkOther(reader);
            }
        }
    }

    private void WalkOperation(JsonTextReader reader, string operation)
    {
        var start = ObjectStart(reader);
        var members = 0;
        var hasResponses = false;
        foreach (var (key, _, _) in Members(reader))
        {
            members++;
            hasResponses |= key == "responses";
            if (key == "callbacks")
            {
                WalkRequestsTheApiMakes(reader, isWebhooks: false, name => $"The callback '{name}' of {operation}");
            }
            else
            {
                WalkOther(reader);
            }
        }

        // 3.1 makes responses optional; NSwag.Core requires them. No responses: an answer without content.
        if (!hasResponses && _isOpenApi31)
        {
            InsertMember(start, "\"responses\":{}", members);
        }
    }

    /// <summary>Webhooks (names to path items) or an operation's callbacks (names to maps of expressions to path items): CRDV103 for each.</summary>
    private void WalkRequestsTheApiMakes(JsonTextReader reader, bool isWebhooks, Func<string, string> describe)
    {
        if (reader.TokenType != JsonToken.StartObject)
        {
            reader.Skip();
            return;
        }

        foreach (var (name, line, column) in Members(reader))
        {
            var inlineBefore = _inlinePayloads;
            if (reader.TokenType != JsonToken.StartObject)
            {
                reader.Skip();
            }
            else if (isWebhooks)
            {
                WalkPathItem(reader, name);
            }
            else
            {
                WalkPaths(reader);
            }

            var contracts = _inlinePayloads > inlineBefore
                ? "its inline schemas get no contract (declare them under components/schemas to get one)"
                : "the component schemas it uses are generated as contracts";
            _found.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RequestsTheApiMakes, _diagnostics.Locator.AtLineColumn(line, column), describe(name), _diagnostics.FilePath, contracts));
        }
    }

    /// <summary>Any part of the document outside schemas: the schemas it holds are under <c>schema</c> keys.</summary>
    private void WalkOther(JsonTextReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonToken.StartObject:
                foreach (var (key, _, _) in Members(reader))
                {
                    if (key == "schema")
                    {
                        _inlinePayloads += reader.TokenType == JsonToken.StartObject && !IsReferenceObject(reader) ? 1 : 0;
                        WalkSchema(reader, string.Empty, booleanNeedsObject: true);
                    }
                    else if (ExternalReferences.IsData(key, reader.TokenType))
                    {
                        reader.Skip();
                    }
                    else
                    {
                        WalkOther(reader);
                    }
                }

                break;
            case JsonToken.StartArray:
                while (reader.Read() && reader.TokenType != JsonToken.EndArray)
                {
                    WalkOther(reader);
                }

                break;
        }
    }

    private void WalkSchemaMap(JsonTextReader reader, string pointer, bool booleansNeedObjects)
    {
        if (reader.TokenType != JsonToken.StartObject)
        {
            reader.Skip();
            return;
        }

        foreach (var (name, _, _) in Members(reader))
        {
            WalkSchema(reader, pointer.Length == 0 ? string.Empty : pointer + "/" + SourceLocator.EscapeSegment(name), booleansNeedObjects);
        }
    }

    /// <param name="pointer">A component schema's JSON pointer, or empty for any other schema (only component schemas are bound by <c>$dynamicRef</c>).</param>
    private void WalkSchema(JsonTextReader reader, string pointer, bool booleanNeedsObject)
    {
        if (reader.TokenType == JsonToken.Boolean)
        {
            if (_isOpenApi31 && booleanNeedsObject)
            {
                ReplaceBoolean((bool)reader.Value!, reader);
            }

            return;
        }

        if (reader.TokenType != JsonToken.StartObject)
        {
            reader.Skip();
            return;
        }

        var start = ObjectStart(reader);
        var hasType = false;
        var hasReference = false;
        JsonToken? constant = null;
        DynamicReference? dynamicReference = null;
        foreach (var (key, line, column) in Members(reader))
        {
            if (SchemaMaps.Contains(key))
            {
                WalkSchemaMap(reader, string.Empty, ObjectOnlySchemaPlaces.Contains(key));
            }
            else if (SchemaValues.Contains(key))
            {
                WalkSchema(reader, string.Empty, ObjectOnlySchemaPlaces.Contains(key));
            }
            else if (SchemaLists.Contains(key) && reader.TokenType == JsonToken.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonToken.EndArray)
                {
                    WalkSchema(reader, string.Empty, ObjectOnlySchemaPlaces.Contains(key));
                }
            }
            else
            {
                switch (key)
                {
                    case "type":
                        hasType = true;
                        break;
                    case "$ref":
                        hasReference = true;
                        break;
                    case "const":
                        constant = reader.TokenType;
                        break;
                    case "$dynamicAnchor" when _isOpenApi31 && reader.TokenType == JsonToken.String:
                        AnchorsNamed((string)reader.Value!).Add(pointer);
                        break;
                    case "$dynamicRef" when _isOpenApi31 && reader.TokenType == JsonToken.String:
                        dynamicReference = new DynamicReference((string)reader.Value!, line, column, start);
                        break;
                }

                reader.Skip();
            }
        }

        if (_isOpenApi31 && !hasType && !hasReference && constant is { } token && TypeOf(token) is { } type)
        {
            // NJsonSchema keeps a const as an extension; its type is what makes the member a string, a number...
            InsertMember(start, "\"type\":\"" + type + "\"", 1);
        }

        if (dynamicReference is not null && !hasReference)
        {
            _dynamicReferences.Add(dynamicReference);
        }
    }

    private static string? TypeOf(JsonToken constant) => constant switch
    {
        JsonToken.String => "string",
        JsonToken.Integer => "integer",
        JsonToken.Float => "number",
        JsonToken.Boolean => "boolean",
        _ => null,
    };

    private List<string> AnchorsNamed(string name)
    {
        if (!_dynamicAnchors.TryGetValue(name, out var pointers))
        {
            pointers = new List<string>();
            _dynamicAnchors.Add(name, pointers);
        }

        return pointers;
    }

    /// <summary>
    /// A <c>$dynamicRef</c> means the schema its anchor names in the scope it is used from. Generated types have no such
    /// scope, so it resolves only when one component schema declares the anchor: then it means that schema wherever it is
    /// used. A <c>$dynamicRef</c> written as a JSON pointer is an ordinary reference.
    /// </summary>
    private void ResolveDynamicReferences()
    {
        foreach (var reference in _dynamicReferences)
        {
            var location = _diagnostics.Locator.AtLineColumn(reference.Line, reference.Column);
            if (reference.Target.StartsWith("#/", StringComparison.Ordinal) || !reference.Target.StartsWith("#", StringComparison.Ordinal))
            {
                InsertMember(reference.ObjectStart, "\"$ref\":" + JsonConvert.ToString(reference.Target), 1);
                continue;
            }

            var anchor = reference.Target.Substring(1);
            var declared = _dynamicAnchors.TryGetValue(anchor, out var pointers) ? pointers : new List<string>();
            if (declared.Count == 0)
            {
                _found.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, location, _diagnostics.FilePath, $"the $dynamicRef '{reference.Target}' names an anchor no schema declares (\"$dynamicAnchor\": \"{anchor}\")"));
            }
            else if (declared.Count == 1 && declared[0].Length > 0)
            {
                InsertMember(reference.ObjectStart, "\"$ref\":" + JsonConvert.ToString("#" + declared[0]), 1);
            }
            else
            {
                var where = string.Join(", ", declared.Select(pointer => pointer.Length == 0 ? "inline schemas" : pointer).Distinct());
                var reason = declared.Count == 1
                    ? $"the schema that declares \"$dynamicAnchor\": \"{anchor}\" ({where}) is not a component schema"
                    : $"{declared.Count} schemas declare \"$dynamicAnchor\": \"{anchor}\" ({where}), and which one it stands for depends on where it is used (a generic schema)";
                _found.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, location, $"The $dynamicRef '{reference.Target}'", _diagnostics.FilePath, reason, "its value is read as any JSON (JsonElement)"));
            }
        }
    }

    /// <summary>Whether the object the reader is at is a <c>$ref</c>, without moving the reader: a peek at the text.</summary>
    private bool IsReferenceObject(JsonTextReader reader)
    {
        var next = OffsetInside(ObjectStart(reader));
        while (next < _text.Length && char.IsWhiteSpace(_text[next]))
        {
            next++;
        }

        return string.CompareOrdinal(_text, next, "\"$ref\"", 0, 6) == 0;
    }

    /// <summary>The members of the object the reader is at the start of: each name and its place, the reader at its value.</summary>
    private static IEnumerable<(string Key, int Line, int Column)> Members(JsonTextReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var member = ((string)reader.Value!, reader.LineNumber, reader.LinePosition);
            if (!reader.Read())
            {
                yield break;
            }

            yield return member;
        }
    }

    /// <summary>Where the reader is, just after the <c>{</c> it has read; an offset is found only for an edit.</summary>
    private static (int Line, int Position) ObjectStart(JsonTextReader reader) => (reader.LineNumber, reader.LinePosition);

    /// <summary>The offset just inside the <c>{</c> read at <paramref name="start"/>.</summary>
    private int OffsetInside((int Line, int Position) start)
    {
        var offset = OffsetOf(start.Line, start.Position);
        return offset > 0 && offset <= _text.Length && _text[offset - 1] == '{' ? offset : _text.IndexOf('{', Math.Min(Math.Max(0, offset - 1), _text.Length)) + 1;
    }

    private void ReplaceBoolean(bool value, JsonTextReader reader)
    {
        var literal = value ? "true" : "false";
        var end = Math.Min(OffsetOf(reader.LineNumber, reader.LinePosition), _text.Length);
        var start = end - literal.Length;
        if (start >= 0 && string.CompareOrdinal(_text, start, literal, 0, literal.Length) == 0)
        {
            _edits.Add((start, literal.Length, value ? "{}" : "{\"not\":{}}"));
        }
    }

    private void InsertMember((int Line, int Position) objectStart, string member, int existingMembers) =>
        _edits.Add((OffsetInside(objectStart), 0, existingMembers > 0 ? member + "," : member));

    private int OffsetOf(int line, int position)
    {
        if (_lineStarts is null)
        {
            var starts = new List<int> { 0 };
            for (var index = _text.IndexOf('\n'); index >= 0; index = _text.IndexOf('\n', index + 1))
            {
                starts.Add(index + 1);
            }

            _lineStarts = starts.ToArray();
        }

        return _lineStarts[Math.Min(Math.Max(line, 1), _lineStarts.Length) - 1] + position;
    }

    private string Rewritten()
    {
        if (_edits.Count == 0)
        {
            return _text;
        }

        var text = new System.Text.StringBuilder(_text.Length + (_edits.Count * 24));
        var copied = 0;
        foreach (var (offset, length, replacement) in _edits.OrderBy(edit => edit.Offset))
        {
            text.Append(_text, copied, offset - copied).Append(replacement);
            copied = offset + length;
        }

        return text.Append(_text, copied, _text.Length - copied).ToString();
    }

    /// <summary>A <c>$dynamicRef</c>: its target, where it is written, and where its schema's members start.</summary>
    private sealed record DynamicReference(string Target, int Line, int Column, (int Line, int Position) ObjectStart);
}
