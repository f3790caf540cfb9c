using System;
using System.Linq;
using System.Text.RegularExpressions;
using ClicRdv.Generator.Model;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Finds places in a document's JSON text for diagnostics. The text is read again only when a diagnostic needs a
/// location, so a clean document pays nothing for it. For a YAML document the text is its JSON form, and every place
/// found in it is taken back to the YAML key, item or scalar that JSON line was written from; for a document bundled
/// with the files it references, to the file and line each JSON line was written from.
/// </summary>
internal sealed class SourceLocator
{
    private readonly string _filePath;
    private readonly string _text;
    private readonly JsonLineOrigins? _origins;
    private System.Collections.Generic.List<int>? _lineStarts;

    public SourceLocator(string filePath, string text, JsonLineOrigins? origins = null)
    {
        _filePath = filePath;
        _text = text;
        _origins = origins;
    }

    /// <summary>The location of a 1-based line and column, as JSON readers report them.</summary>
    public LocationInfo AtLineColumn(int line, int column)
    {
        if (_origins is not null)
        {
            return _origins.LocationOf(_filePath, line);
        }

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

    /// <summary>A name as one segment of a JSON pointer (RFC 6901: <c>~</c> and <c>/</c> escaped).</summary>
    public static string EscapeSegment(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>The member a JSON pointer (<c>/paths/~1pets/get</c>) designates, or the file start if it is not found.</summary>
    public LocationInfo OfPointer(string pointer) =>
        Navigate(pointer) is { } position ? AtLineColumn(position.Line, position.Column) : FileStart();

    public LocationInfo FileStart() => FileStartOf(_filePath);

    /// <summary>The first character of a file: where a diagnostic about the whole document goes.</summary>
    public static LocationInfo FileStartOf(string filePath) =>
        new(filePath, new TextSpan(0, 0), new LinePositionSpan(new LinePosition(0, 0), new LinePosition(0, 0)));

    private LocationInfo AtOffset(int offset, int length)
    {
        if (_origins is not null)
        {
            return _origins.LocationOf(_filePath, PositionOf(offset).Line + 1);
        }

        var start = PositionOf(offset);
        var end = PositionOf(offset + length);
        return new LocationInfo(_filePath, new TextSpan(offset, length), new LinePositionSpan(start, end));
    }

    /// <summary>
    /// The line and column of the member a JSON pointer designates. The text is read as a stream, skipping every subtree
    /// off the path and stopping at the target, so a large document costs a fraction of a full parse.
    /// </summary>
    private (int Line, int Column)? Navigate(string pointer)
    {
        using var reader = new JsonTextReader(new System.IO.StringReader(_text));
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            (int Line, int Column)? found = (1, 1);
            foreach (var rawSegment in pointer.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var segment = rawSegment.Replace("~1", "/").Replace("~0", "~");
                found = reader.TokenType switch
                {
                    JsonToken.StartObject => FindProperty(reader, segment),
                    JsonToken.StartArray when int.TryParse(segment, out var index) => FindItem(reader, index),
                    _ => null,
                };
                if (found is null)
                {
                    return null;
                }
            }

            return found;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Moves to the value of <paramref name="name"/> in the current object; returns where its name is.</summary>
    private static (int Line, int Column)? FindProperty(JsonTextReader reader, string name)
    {
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            if ((string?)reader.Value == name)
            {
                var position = (reader.LineNumber, reader.LinePosition);
                reader.Read();
                return position;
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>Moves to item <paramref name="index"/> of the current array; returns where it starts.</summary>
    private static (int Line, int Column)? FindItem(JsonTextReader reader, int index)
    {
        for (var current = 0; reader.Read() && reader.TokenType != JsonToken.EndArray; current++)
        {
            if (current == index)
            {
                return (reader.LineNumber, reader.LinePosition);
            }

            reader.Skip();
        }

        return null;
    }

    private int OffsetOf(int lineIndex, int columnIndex)
    {
        var lineStarts = LineStarts();
        return lineIndex >= lineStarts.Count ? _text.Length : Math.Min(_text.Length, lineStarts[lineIndex] + columnIndex);
    }

    private LinePosition PositionOf(int offset)
    {
        var lineStarts = LineStarts();
        var line = lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line, offset - lineStarts[line]);
    }

    /// <summary>Where each line starts, found once: a bundled document locates every one of its tokens.</summary>
    private System.Collections.Generic.List<int> LineStarts()
    {
        if (_lineStarts is null)
        {
            _lineStarts = new System.Collections.Generic.List<int> { 0 };
            for (var i = 0; i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        return _lineStarts;
    }
}
