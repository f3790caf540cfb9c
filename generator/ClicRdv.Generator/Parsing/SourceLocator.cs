using System;
using System.Linq;
using System.Text.RegularExpressions;
using ClicRdv.Generator.Model;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Finds places in a document's text for diagnostics. The text is parsed a second time, with line information,
/// only when a diagnostic needs a location, so a clean document pays nothing for it.
/// </summary>
internal sealed class SourceLocator
{
    private readonly string _filePath;
    private readonly string _text;
    private JToken? _tree;
    private bool _treeUnavailable;

    public SourceLocator(string filePath, string text)
    {
        _filePath = filePath;
        _text = text;
    }

    /// <summary>The location of a 1-based line and column, as JSON readers report them.</summary>
    public LocationInfo AtLineColumn(int line, int column)
    {
        var lineIndex = Math.Max(0, line - 1);
        var columnIndex = Math.Max(0, column - 1);
        var offset = OffsetOf(lineIndex, columnIndex);
        var position = new LinePosition(lineIndex, columnIndex);
        return new LocationInfo(_filePath, new TextSpan(offset, 0), new LinePositionSpan(position, position));
    }

    /// <summary>The first <c>"$ref": "target"</c> that names <paramref name="target"/>, or the file start.</summary>
    public LocationInfo OfReference(string target)
    {
        // JSON may write '/' as '\/'; accept both spellings.
        var escapedTarget = string.Concat(target.Select(c => c == '/' ? @"\\?/" : Regex.Escape(c.ToString())));
        var pattern = @"""\$ref""\s*:\s*""" + escapedTarget + @"""";
        var match = Regex.Match(_text, pattern);
        return match.Success ? AtOffset(match.Index, match.Length) : FileStart();
    }

    /// <summary>The member a JSON pointer (<c>/paths/~1pets/get</c>) designates, or the file start if it is not found.</summary>
    public LocationInfo OfPointer(string pointer)
    {
        var token = Navigate(pointer);
        if (token is IJsonLineInfo info && info.HasLineInfo())
        {
            return AtLineColumn(info.LineNumber, info.LinePosition);
        }

        return FileStart();
    }

    public LocationInfo FileStart() => FileStartOf(_filePath);

    /// <summary>The first character of a file: where a diagnostic about the whole document goes.</summary>
    public static LocationInfo FileStartOf(string filePath) =>
        new(filePath, new TextSpan(0, 0), new LinePositionSpan(new LinePosition(0, 0), new LinePosition(0, 0)));

    private LocationInfo AtOffset(int offset, int length)
    {
        var start = PositionOf(offset);
        var end = PositionOf(offset + length);
        return new LocationInfo(_filePath, new TextSpan(offset, length), new LinePositionSpan(start, end));
    }

    private JToken? Navigate(string pointer)
    {
        var token = Tree();
        foreach (var rawSegment in pointer.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = rawSegment.Replace("~1", "/").Replace("~0", "~");
            token = token switch
            {
                JObject obj => (JToken?)obj.Property(segment, StringComparison.Ordinal) ?? null,
                JProperty property when property.Value is JObject obj => obj.Property(segment, StringComparison.Ordinal),
                JArray array when int.TryParse(segment, out var index) && index < array.Count => array[index],
                JProperty property when property.Value is JArray array && int.TryParse(segment, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (token is null)
            {
                return null;
            }
        }

        return token;
    }

    private JToken? Tree()
    {
        if (_tree is null && !_treeUnavailable)
        {
            try
            {
                _tree = JToken.Parse(_text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
            }
            catch (JsonException)
            {
                _treeUnavailable = true;
            }
        }

        return _tree;
    }

    private int OffsetOf(int lineIndex, int columnIndex)
    {
        var offset = 0;
        for (var line = 0; line < lineIndex; line++)
        {
            var next = _text.IndexOf('\n', offset);
            if (next < 0)
            {
                return _text.Length;
            }

            offset = next + 1;
        }

        return Math.Min(_text.Length, offset + columnIndex);
    }

    private LinePosition PositionOf(int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new LinePosition(line, offset - lineStart);
    }
}
