using System.Collections.Generic;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ClicRdv.Generator.Parsing;

/// <summary>A node of a YAML document, with the place it was written.</summary>
internal abstract class YamlNode
{
    protected YamlNode(Mark start, Mark end)
    {
        Start = start;
        End = end;
    }

    public Mark Start { get; }

    public Mark End { get; }
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(Scalar scalar)
        : base(scalar.Start, scalar.End)
    {
        Value = scalar.Value;
        Style = scalar.Style;
        Tag = scalar.Tag;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    public TagName Tag { get; }
}

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(SequenceStart start, SequenceEnd end, List<YamlNode> items)
        : base(start.Start, end.End)
    {
        Tag = start.Tag;
        Items = items;
    }

    public TagName Tag { get; }

    public IReadOnlyList<YamlNode> Items { get; }
}

internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(MappingStart start, MappingEnd end, List<KeyValuePair<YamlNode, YamlNode>> entries)
        : base(start.Start, end.End)
    {
        Tag = start.Tag;
        Entries = entries;
    }

    public TagName Tag { get; }

    /// <summary>The entries as written, in order (merge keys not applied, duplicates not checked).</summary>
    public IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> Entries { get; }
}

/// <summary>An alias (<c>*name</c>), kept apart from the node it names so that an expansion can say where it was asked for.</summary>
internal sealed class YamlAlias : YamlNode
{
    public YamlAlias(AnchorAlias alias, YamlNode target)
        : base(alias.Start, alias.End) => Target = target;

    public YamlNode Target { get; }
}

/// <summary>
/// Reads YAML text into a tree of <see cref="YamlNode"/>s from YamlDotNet's parser events, which carry the line and
/// column of everything. The text must hold at most one YAML document; an alias must name an anchor already complete,
/// so that the tree has no cycle. Every problem is a <see cref="YamlException"/> at its place.
/// </summary>
internal sealed class YamlTree
{
    /// <summary>
    /// How many mappings and lists may nest: as many as the JSON reader of the rest of the pipeline accepts (Newtonsoft's
    /// default), so that YAML too deep for it is refused here, in YAML terms, and reading can never exhaust the stack.
    /// </summary>
    public const int MaxDepth = 64;

    private readonly IParser _parser;
    private readonly Dictionary<string, YamlNode> _anchors = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _openAnchors = new(System.StringComparer.Ordinal);

    private YamlTree(IParser parser) => _parser = parser;

    /// <summary>The document's root node, or null when the text holds no document (it is empty or only comments).</summary>
    public static YamlNode? Read(string text)
    {
        var tree = new YamlTree(new Parser(new System.IO.StringReader(text)));
        return tree.ReadStream();
    }

    public static YamlException Error(YamlNode node, string message) => new(node.Start, node.End, message);

    /// <summary>Refuses a mapping or a list that starts at <paramref name="start"/> inside <paramref name="depth"/> others, if that is too deep.</summary>
    public static void RequireDepth(Mark start, Mark end, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new YamlException(start, end, $"it nests more than {MaxDepth} mappings and lists deep here");
        }
    }

    private YamlNode? ReadStream()
    {
        _parser.Consume<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        _parser.Consume<DocumentStart>();
        var root = ReadNode(depth: 0);
        _parser.Consume<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out var second))
        {
            throw new YamlException(second.Start, second.End, "a second YAML document starts here; the file must hold one document, the OpenAPI description");
        }

        _parser.Consume<StreamEnd>();
        return root;
    }

    private YamlNode ReadNode(int depth)
    {
        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            var name = alias.Value.Value;
            if (_openAnchors.Contains(name))
            {
                throw new YamlException(alias.Start, alias.End, $"the alias *{name} stands inside the node its anchor names; a recursive structure has no JSON form");
            }

            return _anchors.TryGetValue(name, out var target)
                ? new YamlAlias(alias, target)
                : throw new YamlException(alias.Start, alias.End, $"the alias *{name} names no anchor written before it");
        }

        if (_parser.TryConsume<Scalar>(out var scalar))
        {
            return Anchored(scalar.Anchor, new YamlScalar(scalar));
        }

        if (_parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            RequireDepth(sequenceStart.Start, sequenceStart.End, depth);
            Open(sequenceStart.Anchor);
            var items = new List<YamlNode>();
            while (!_parser.Accept<SequenceEnd>(out _))
            {
                items.Add(ReadNode(depth + 1));
            }

            return Anchored(sequenceStart.Anchor, new YamlSequence(sequenceStart, _parser.Consume<SequenceEnd>(), items));
        }

        var mappingStart = _parser.Consume<MappingStart>();
        RequireDepth(mappingStart.Start, mappingStart.End, depth);
        Open(mappingStart.Anchor);
        var entries = new List<KeyValuePair<YamlNode, YamlNode>>();
        while (!_parser.Accept<MappingEnd>(out _))
        {
            var key = ReadNode(depth + 1);
            entries.Add(new KeyValuePair<YamlNode, YamlNode>(key, ReadNode(depth + 1)));
        }

        return Anchored(mappingStart.Anchor, new YamlMapping(mappingStart, _parser.Consume<MappingEnd>(), entries));
    }

    /// <summary>Marks an anchor as being read: an alias to it before its node ends would make a cycle.</summary>
    private void Open(AnchorName anchor)
    {
        if (!anchor.IsEmpty)
        {
            _openAnchors.Add(anchor.Value);
        }
    }

    /// <summary>Registers a complete node under its anchor; a later anchor of the same name replaces it, as YAML says.</summary>
    private YamlNode Anchored(AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty)
        {
            _openAnchors.Remove(anchor.Value);
            _anchors[anchor.Value] = node;
        }

        return node;
    }
}
