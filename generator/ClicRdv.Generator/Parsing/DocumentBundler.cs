using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ClicRdv.Generator.Diagnostics;
using ClicRdv.Generator.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ClicRdv.Generator.Parsing;

/// <summary>A document with the files it references copied in, and where each of its lines comes from.</summary>
internal sealed record BundledDocument(string Json, JsonLineOrigins Origins);

/// <summary>
/// Makes one document of a split one: every <c>$ref</c> to another file of the project (<c>./schemas/pet.yaml#/Pet</c>,
/// a JSON or YAML AdditionalFile) is replaced by what it names, so that the rest of the generator reads one document.
/// A referenced schema becomes a component schema named after the last segment of its pointer (or its file's name),
/// so that it keeps a name of its own and may refer to itself; a component that is only such a <c>$ref</c> takes its
/// content in place. Anything else (a path item, a parameter, a response...) is copied where it is referenced. Local
/// references inside a referenced file are references into that file. Each line of the result remembers the file and
/// line it was copied from, so that a diagnostic points into the file where the problem is written. References to
/// files the project does not list, remote ones and absolute paths are left as written, for
/// <see cref="ExternalReferences"/> to refuse.
/// </summary>
internal sealed class DocumentBundler
{
    private const string ComponentSchemasPointer = "#/components/schemas/";

    private readonly Part _document;
    private readonly PathLookup<ReferencedFile> _files;
    private readonly Dictionary<string, Part?> _parts = new(StringComparer.Ordinal);
    private readonly DiagnosticSink _diagnostics;
    private readonly CancellationToken _cancellationToken;

    /// <summary>The component name each referenced schema was given.</summary>
    private readonly Dictionary<FileTarget, string> _schemaNames = new();

    /// <summary>The names of the document's component schemas and of those added, so that no two share one.</summary>
    private readonly HashSet<string> _takenNames = new(StringComparer.Ordinal);

    /// <summary>The referenced schemas to add to the components, in the order they were first met.</summary>
    private readonly List<JProperty> _addedSchemas = new();

    /// <summary>The referenced schemas named but not yet copied, with the file each is written in.</summary>
    private readonly Queue<(JProperty Added, JToken Content, Part Part)> _schemasToCopy = new();

    /// <summary>The document's components that are only a reference to another file's schema: they take its content.</summary>
    private readonly HashSet<JObject> _componentsInPlace = new(ReferenceEqualityComparer<JObject>.Instance);

    /// <summary>The references being copied in, to refuse one that reaches itself.</summary>
    private readonly HashSet<FileTarget> _copying = new();

    private bool _changed;

    private DocumentBundler(Part document, EquatableArray<ReferencedFile> files, DiagnosticSink diagnostics, CancellationToken cancellationToken)
    {
        _document = document;
        _files = new PathLookup<ReferencedFile>(files, file => file.Path);
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _parts.Add(document.Path, document);
    }

    /// <summary>
    /// The document with the files it references copied in; null when it references none, or when its JSON cannot be
    /// read (the parser reports that). Problems in the referenced files are reported to <paramref name="diagnostics"/>.
    /// </summary>
    public static BundledDocument? Bundle(DocumentInput input, string json, JsonLineOrigins? origins, DiagnosticSink diagnostics, CancellationToken cancellationToken)
    {
        if (input.ReferencedFiles.Count == 0 || TryRead(json) is not JObject root)
        {
            return null;
        }

        var bundler = new DocumentBundler(new Part(input.FilePath, root, diagnostics.For(input.FilePath, json, origins)), input.ReferencedFiles, diagnostics, cancellationToken);
        var bundled = bundler.BundleDocument(root);
        return bundler._changed ? BundledJsonWriter.Write(bundled) : null;
    }

    private JToken BundleDocument(JObject root)
    {
        if (root.SelectToken("components.schemas") is JObject schemas)
        {
            foreach (var component in schemas.Properties())
            {
                _takenNames.Add(component.Name);
            }

            // A component that only names another file's schema is that schema, under the component's name.
            foreach (var component in schemas.Properties())
            {
                if (component.Value is JObject { Count: 1 } reference && ReferenceOf(reference) is { } target
                    && Resolve(_document, target) is { } resolved && resolved.FilePath != _document.Path && !_schemaNames.ContainsKey(resolved))
                {
                    _schemaNames.Add(resolved, component.Name);
                    _componentsInPlace.Add(reference);
                }
            }
        }

        var bundled = (JObject)Copy(root, _document, MemberRole.Node);

        // Schemas are copied one after the other, not inside the copy that met them, so that a long chain of schemas
        // referring to the next one in other files costs no stack.
        while (_schemasToCopy.Count > 0)
        {
            var (added, content, part) = _schemasToCopy.Dequeue();
            added.Value = Copy(content, part, MemberRole.Schema);
        }

        if (_addedSchemas.Count > 0)
        {
            var components = bundled["components"] as JObject ?? Added(bundled, "components");
            var added = components["schemas"] as JObject ?? Added(components, "schemas");
            foreach (var schema in _addedSchemas)
            {
                added.Add(schema);
            }
        }

        return bundled;
    }

    /// <summary>A copy of <paramref name="token"/>, written in <paramref name="part"/>, with its references to other files followed.</summary>
    private JToken Copy(JToken token, Part part, MemberRole role)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (token)
        {
            case JObject reference when role is MemberRole.Node or MemberRole.Schema && ReferenceOf(reference) is { } target:
                return CopyReference(reference, target, part, role);
            case JObject mapping when role == MemberRole.DiscriminatorMapping:
                return CopyMapping(mapping, part);
            case JObject obj:
                var copy = part.Annotated(new JObject(), obj);
                foreach (var member in obj.Properties())
                {
                    copy.Add(part.Annotated(new JProperty(member.Name, Copy(member.Value, part, MemberRoles.Of(member.Name, member.Value, role))), member));
                }

                return copy;
            case JArray array:
                var items = part.Annotated(new JArray(), array);
                foreach (var item in array)
                {
                    items.Add(Copy(item, part, role));
                }

                return items;
            default:
                return part.Annotated(token.DeepClone(), token);
        }
    }

    private JToken CopyReference(JObject reference, string target, Part part, MemberRole role)
    {
        if (Resolve(part, target) is not { } resolved || Load(resolved.FilePath) is not { } targetPart)
        {
            // Remote, absolute, or a file the project does not list: refused later, at this place.
            return CopyMembers(reference, part, role, except: null);
        }

        if (targetPart == _document)
        {
            return part == _document
                ? CopyMembers(reference, part, role, except: null)
                : WithReference(reference, part, role, "#" + resolved.Pointer);
        }

        _changed = true;
        if (Find(targetPart, resolved.Pointer) is not { } content)
        {
            ReportUnresolved(reference.Property("$ref")!, part, $"'{target}' points to '#{resolved.Pointer}' in {System.IO.Path.GetFileName(targetPart.Path)}, which has nothing there");
            return CopyMembers(reference, part, role, except: null);
        }

        if (_componentsInPlace.Contains(reference))
        {
            return CopyContent(reference, resolved, content, targetPart, role, part);
        }

        return role == MemberRole.Schema
            ? WithReference(reference, part, role, ComponentSchemasPointer + SourceLocator.EscapeSegment(SchemaName(resolved, content, targetPart)))
            : CopyContent(reference, resolved, content, targetPart, role, part);
    }

    /// <summary>What a reference names, copied where the reference is; the reference's other members override its own.</summary>
    private JToken CopyContent(JObject reference, FileTarget resolved, JToken content, Part targetPart, MemberRole role, Part part)
    {
        if (!_copying.Add(resolved))
        {
            ReportUnresolved(reference.Property("$ref")!, part, $"'{ReferenceOf(reference)}' reaches itself through references that are not schemas, so it has no content");
            return CopyMembers(reference, part, role, except: null);
        }

        var copy = Copy(content, targetPart, role);
        _copying.Remove(resolved);
        if (copy is JObject copied)
        {
            foreach (var member in reference.Properties().Where(member => member.Name != "$ref"))
            {
                copied[member.Name]?.Parent?.Remove();
                copied.Add(part.Annotated(new JProperty(member.Name, Copy(member.Value, part, MemberRoles.Of(member.Name, member.Value, role))), member));
            }
        }

        return copy;
    }

    /// <summary>The component name of a referenced schema, adding the schema to the components the first time.</summary>
    private string SchemaName(FileTarget resolved, JToken content, Part targetPart)
    {
        if (_schemaNames.TryGetValue(resolved, out var known))
        {
            return known;
        }

        var name = UniqueName(NameOf(resolved));
        _schemaNames.Add(resolved, name);

        // Named before its content is copied, so that a schema that refers to itself finds its name.
        var added = targetPart.Annotated(new JProperty(name, JValue.CreateNull()), content);
        _addedSchemas.Add(added);
        _schemasToCopy.Enqueue((added, content, targetPart));
        return name;
    }

    /// <summary>The mapping's values, each a schema name or a reference, with references to other files made component references.</summary>
    private JToken CopyMapping(JObject mapping, Part part)
    {
        var copy = part.Annotated(new JObject(), mapping);
        foreach (var member in mapping.Properties())
        {
            var value = member.Value is JValue { Type: JTokenType.String } text && IsReferenceLike((string)text!)
                && Resolve(part, (string)text!) is { } resolved && Load(resolved.FilePath) is { } targetPart
                && (targetPart == _document ? part == _document ? null : "#" + resolved.Pointer : MappedSchema(resolved, targetPart, member, part)) is { } rewritten
                ? part.Annotated(new JValue(rewritten), member.Value)
                : Copy(member.Value, part, MemberRole.Data);
            copy.Add(part.Annotated(new JProperty(member.Name, value), member));
        }

        return copy;
    }

    private string? MappedSchema(FileTarget resolved, Part targetPart, JProperty member, Part part)
    {
        _changed = true;
        if (Find(targetPart, resolved.Pointer) is not { } content)
        {
            ReportUnresolved(member, part, $"the mapping of '{member.Name}' points to '#{resolved.Pointer}' in {System.IO.Path.GetFileName(targetPart.Path)}, which has nothing there");
            return null;
        }

        return ComponentSchemasPointer + SourceLocator.EscapeSegment(SchemaName(resolved, content, targetPart));
    }

    /// <summary>A mapping value that is a reference rather than a bare schema name (<c>Dog</c>, which OpenAPI 3.0 allows).</summary>
    private static bool IsReferenceLike(string value) =>
        value.IndexOf('#') >= 0 || value.IndexOf('/') >= 0
        || value.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private JObject WithReference(JObject reference, Part part, MemberRole role, string target)
    {
        var copy = CopyMembers(reference, part, role, except: "$ref");
        var targetMember = reference.Property("$ref")!;
        copy.AddFirst(part.Annotated(new JProperty("$ref", part.Annotated(new JValue(target), targetMember.Value)), targetMember));
        return copy;
    }

    private JObject CopyMembers(JObject obj, Part part, MemberRole role, string? except)
    {
        var copy = part.Annotated(new JObject(), obj);
        foreach (var member in obj.Properties().Where(member => member.Name != except))
        {
            var memberRole = member.Name == "$ref" ? MemberRole.Data : MemberRoles.Of(member.Name, member.Value, role);
            copy.Add(part.Annotated(new JProperty(member.Name, Copy(member.Value, part, memberRole)), member));
        }

        return copy;
    }

    private static string? ReferenceOf(JObject obj) => obj["$ref"] is JValue { Type: JTokenType.String } target ? (string)target! : null;

    private static FileTarget? Resolve(Part part, string target) => RelativeReferences.Resolve(part.Path, target);

    /// <summary>The referenced file, read once; null when the project does not list it or it cannot be read (reported).</summary>
    private Part? Load(string path)
    {
        if (_files.Find(path) is not { } file)
        {
            return string.Equals(path, _document.Path, StringComparison.OrdinalIgnoreCase) ? _document : null;
        }

        if (_parts.TryGetValue(file.Path, out var loaded))
        {
            return loaded;
        }

        var diagnostics = _diagnostics.For(file.Path, file.Text);
        var json = file.Text;
        JsonLineOrigins? origins = null;
        if (YamlDocumentText.IsYamlFile(file.Path))
        {
            if (YamlDocumentText.Convert(file.Text, diagnostics, _cancellationToken) is not { } yaml)
            {
                _parts.Add(file.Path, null);
                return null;
            }

            (json, origins) = (yaml.Json, yaml.Origins);
            diagnostics = _diagnostics.For(file.Path, json, origins);
        }

        Part? part = null;
        try
        {
            part = new Part(file.Path, Read(json), diagnostics);
        }
        catch (JsonReaderException exception)
        {
            diagnostics.InvalidSyntax("JSON", diagnostics.Locator.AtLineColumn(exception.LineNumber, exception.LinePosition), exception.Message);
        }

        _parts.Add(file.Path, part);
        return part;
    }

    /// <summary>The value a JSON pointer designates in a part (RFC 6901), or null.</summary>
    private static JToken? Find(Part part, string pointer)
    {
        var current = part.Root;
        foreach (var rawSegment in pointer.Split('/').Skip(1))
        {
            var segment = rawSegment.Replace("~1", "/").Replace("~0", "~");
            current = current switch
            {
                JObject obj => obj.Property(segment)?.Value,
                JArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>A referenced schema's name: its pointer's last segment (<c>#/Pet</c>), or its file's name up to the first dot.</summary>
    private static string NameOf(FileTarget target)
    {
        var last = target.Pointer.Split('/').LastOrDefault(segment => segment.Length > 0);
        if (last is not null)
        {
            return last.Replace("~1", "/").Replace("~0", "~");
        }

        var fileName = System.IO.Path.GetFileName(target.FilePath);
        var dot = fileName.IndexOf('.');
        return dot > 0 ? fileName.Substring(0, dot) : fileName.Length > 0 ? fileName : "Schema";
    }

    private string UniqueName(string wanted)
    {
        var name = wanted;
        for (var suffix = 2; !_takenNames.Add(name); suffix++)
        {
            name = wanted + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    private void ReportUnresolved(JToken at, Part part, string detail)
    {
        var info = (IJsonLineInfo)at;
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, part.Diagnostics.Locator.AtLineColumn(info.LineNumber, info.LinePosition), _diagnostics.FilePath, detail));
    }

    /// <summary>A new object member of <paramref name="parent"/>, placed at the document's start for diagnostics.</summary>
    private JObject Added(JObject parent, string name)
    {
        var added = _document.Annotated(new JObject(), _document.Root);
        parent.Add(_document.Annotated(new JProperty(name, added), _document.Root));
        return added;
    }

    private static JToken? TryRead(string json)
    {
        try
        {
            return Read(json);
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    /// <summary>Reads JSON with the place of each token, and strings kept as strings (not dates).</summary>
    private static JToken Read(string json)
    {
        using var reader = new JsonTextReader(new System.IO.StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
    }

    /// <summary>One file of the bundle: its path, its JSON (a YAML file's JSON form), and how to locate a token of it.</summary>
    private sealed class Part
    {
        public Part(string path, JToken root, DiagnosticSink diagnostics)
        {
            Path = path;
            Root = root;
            Diagnostics = diagnostics;
        }

        public string Path { get; }

        public JToken Root { get; }

        public DiagnosticSink Diagnostics { get; }

        /// <summary>Marks a token of the bundle as copied from <paramref name="source"/>, a token of this file.</summary>
        public T Annotated<T>(T token, JToken source)
            where T : JToken
        {
            var info = (IJsonLineInfo)source;
            token.AddAnnotation(Diagnostics.Locator.AtLineColumn(info.HasLineInfo() ? info.LineNumber : 1, info.HasLineInfo() ? info.LinePosition : 1));
            return token;
        }
    }
}
