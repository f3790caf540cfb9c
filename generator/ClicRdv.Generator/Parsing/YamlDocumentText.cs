using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using YamlDotNet.Core;

namespace ClicRdv.Generator.Parsing;

/// <summary>A YAML document's JSON form, and where each of its lines was written in the YAML file.</summary>
internal sealed record YamlConversion(string Json, JsonLineOrigins Origins);

/// <summary>
/// Turns a YAML document into JSON text that the JSON pipeline reads unchanged (the version check, the scan for
/// references outside the document, NSwag, every diagnostic's place), with a map from each JSON line back to the YAML.
/// Scalars are typed by the YAML 1.2 core schema (<see cref="YamlScalars"/>); keys are strings, their text as written;
/// aliases are expanded and merge keys (<c>&lt;&lt;</c>) applied. A YAML error, or YAML that JSON cannot hold, is
/// CRDV001 at its line and column.
/// </summary>
internal sealed class YamlDocumentText
{
    /// <summary>How much larger than the YAML its JSON form may grow, before aliases are taken for an expansion attack.</summary>
    private const int MaxGrowth = 8;

    private const int MinMaxLength = 1024 * 1024;

    private readonly StringBuilder _json = new();
    private readonly JsonLineOrigins _origins = new();
    private readonly Dictionary<YamlMapping, List<Entry>> _mergedEntries = new();
    private readonly long _maxLength;
    private readonly CancellationToken _cancellationToken;

    /// <summary>The outermost alias being expanded, where an expansion that grows too large is reported.</summary>
    private YamlAlias? _expandingAlias;

    private YamlDocumentText(int yamlLength, CancellationToken cancellationToken)
    {
        _maxLength = Math.Max(MinMaxLength, (long)MaxGrowth * yamlLength);
        _cancellationToken = cancellationToken;
    }

    /// <summary>Whether a document file is YAML (<c>*.openapi.yaml</c>, <c>*.openapi.yml</c>) rather than JSON.</summary>
    public static bool IsYamlFile(string filePath) =>
        filePath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || filePath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The JSON form of <paramref name="yaml"/>, or null after reporting CRDV001 at the place it cannot be read.</summary>
    public static YamlConversion? Convert(string yaml, DiagnosticSink diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            var writer = new YamlDocumentText(yaml.Length, cancellationToken);
            if (YamlTree.Read(yaml) is { } root)
            {
                writer.NewLine(root.Start, root is YamlScalar ? root.End : root.Start);
                writer.WriteValue(root, depth: 0);
            }

            return new YamlConversion(writer._json.ToString(), writer._origins);
        }
        catch (YamlException exception)
        {
            diagnostics.InvalidSyntax("YAML", diagnostics.Locator.AtLineColumn((int)exception.Start.Line, (int)exception.Start.Column), exception.Message);
            return null;
        }
    }

    private void WriteValue(YamlNode node, int depth)
    {
        switch (node)
        {
            case YamlAlias alias:
                var outer = _expandingAlias;
                _expandingAlias ??= alias;
                WriteValue(alias.Target, depth);
                _expandingAlias = outer;
                break;
            case YamlScalar scalar:
                _json.Append(YamlScalars.ToJson(scalar));
                break;
            case YamlSequence sequence:
                WriteSequence(sequence, depth);
                break;
            case YamlMapping mapping:
                WriteMapping(mapping, depth);
                break;
        }
    }

    private void WriteSequence(YamlSequence sequence, int depth)
    {
        RequireTag(sequence, sequence.Tag, "seq");
        YamlTree.RequireDepth(sequence.Start, sequence.End, depth);
        if (sequence.Items.Count == 0)
        {
            _json.Append("[]");
            return;
        }

        _json.Append('[');
        for (var index = 0; index < sequence.Items.Count; index++)
        {
            var item = sequence.Items[index];
            if (index > 0)
            {
                _json.Append(',');
            }

            NewLine(item.Start, IsContainer(item) ? item.Start : item.End);
            WriteValue(item, depth + 1);
        }

        NewLine(sequence.End, sequence.End);
        _json.Append(']');
    }

    private void WriteMapping(YamlMapping mapping, int depth)
    {
        RequireTag(mapping, mapping.Tag, "map");
        YamlTree.RequireDepth(mapping.Start, mapping.End, depth);
        var entries = EntriesOf(mapping);
        if (entries.Count == 0)
        {
            _json.Append("{}");
            return;
        }

        _json.Append('{');
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index];
            if (index > 0)
            {
                _json.Append(',');
            }

            // A member's line spans its key and, for a scalar, its value.
            NewLine(entry.KeyNode.Start, IsContainer(entry.Value) ? entry.KeyNode.End : entry.Value.End);
            _json.Append(YamlScalars.String(entry.Key)).Append(": ");
            WriteValue(entry.Value, depth + 1);
        }

        NewLine(mapping.End, mapping.End);
        _json.Append('}');
    }

    /// <summary>Starts a JSON line that comes from the YAML between the two marks.</summary>
    private void NewLine(Mark start, Mark end)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_json.Length > _maxLength)
        {
            throw new YamlException(_expandingAlias?.Start ?? start, _expandingAlias?.End ?? end, $"its aliases expand it to more than {_maxLength} characters of JSON");
        }

        if (_json.Length > 0)
        {
            _json.Append('\n');
        }

        _origins.AddLine(start, end);
    }

    /// <summary>
    /// A mapping's members in order, with merge keys applied: a merged mapping's members stand where its <c>&lt;&lt;</c>
    /// is, the mapping's own members win over merged ones, and among merged mappings the first listed wins.
    /// </summary>
    private List<Entry> EntriesOf(YamlMapping mapping)
    {
        if (_mergedEntries.TryGetValue(mapping, out var known))
        {
            return known;
        }

        var ownKeys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var key = KeyOf(entry.Key);
            if (ownKeys.TryGetValue(key, out var first))
            {
                throw YamlTree.Error(entry.Key, $"the key '{key}' appears twice in one mapping (first on line {first.Start.Line}); JSON members must be unique");
            }

            ownKeys.Add(key, entry.Key);
        }

        var entries = new List<Entry>(mapping.Entries.Count);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (!IsMergeKey(entry.Key))
            {
                var key = KeyOf(entry.Key);
                written.Add(key);
                entries.Add(new Entry(key, entry.Key, entry.Value));
                continue;
            }

            foreach (var source in MergeSources(entry.Value))
            {
                foreach (var merged in EntriesOf(source))
                {
                    if (!ownKeys.ContainsKey(merged.Key) && written.Add(merged.Key))
                    {
                        entries.Add(merged);
                    }
                }
            }
        }

        _mergedEntries.Add(mapping, entries);
        return entries;
    }

    /// <summary>The mappings a merge key's value names: one mapping, or a list of them.</summary>
    private static IEnumerable<YamlMapping> MergeSources(YamlNode value)
    {
        switch (Dereference(value))
        {
            case YamlMapping mapping:
                yield return mapping;
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    yield return Dereference(item) as YamlMapping ?? throw YamlTree.Error(item, "a merge key (<<) takes a mapping or a list of mappings, and this item is not a mapping");
                }

                break;
            default:
                throw YamlTree.Error(value, "a merge key (<<) takes a mapping or a list of mappings");
        }
    }

    /// <summary>A key as a JSON member name: a scalar's text as written (so <c>200</c> and <c>y</c> are the strings "200" and "y").</summary>
    private static string KeyOf(YamlNode key) =>
        Dereference(key) is YamlScalar scalar
            ? scalar.Value
            : throw YamlTree.Error(key, "a key that is a mapping or a list has no JSON form: JSON member names are strings");

    private static bool IsMergeKey(YamlNode key) =>
        key is YamlScalar { Style: ScalarStyle.Plain, Value: "<<" } scalar
        && (scalar.Tag.IsEmpty || scalar.Tag.Value == YamlScalars.CoreTagPrefix + "merge");

    private static YamlNode Dereference(YamlNode node) => node is YamlAlias alias ? alias.Target : node;

    private static bool IsContainer(YamlNode node) => Dereference(node) is YamlMapping or YamlSequence;

    /// <summary>A mapping or a list may carry no tag, the non-specific one, or its own core tag (<c>!!map</c>, <c>!!seq</c>).</summary>
    private static void RequireTag(YamlNode node, TagName tag, string coreName)
    {
        if (!tag.IsEmpty && tag.Value != "!" && tag.Value != YamlScalars.CoreTagPrefix + coreName)
        {
            throw YamlScalars.UnsupportedTag(node, tag.Value);
        }
    }

    /// <summary>A member to write: its name, the key node it was written with, and its value.</summary>
    private sealed record Entry(string Key, YamlNode KeyNode, YamlNode Value);
}
