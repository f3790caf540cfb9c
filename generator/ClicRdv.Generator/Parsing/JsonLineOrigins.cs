using System;
using System.Collections.Generic;
using ClicRdv.Generator.Model;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Where each line of a JSON text that no file holds was written: a YAML document's JSON form (each line from the
/// YAML key, item or scalar it was written from), or a document bundled with the files it references (each line
/// from the file, JSON or YAML, it was copied from). Such text has one member, item or closing bracket per line, so
/// its line number alone names what a diagnostic is about.
/// </summary>
internal sealed class JsonLineOrigins
{
    /// <summary>Each line's place; a null path is the file the text is the JSON form of.</summary>
    private readonly List<(string? FilePath, TextSpan Span, LinePositionSpan LineSpan)> _lines = new();

    /// <summary>Records that the next JSON line comes from the YAML text between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public void AddLine(Mark start, Mark end)
    {
        var startIndex = (int)start.Index;
        var span = new TextSpan(startIndex, Math.Max(0, (int)end.Index - startIndex));
        _lines.Add((null, span, new LinePositionSpan(PositionOf(start), PositionOf(end))));
    }

    /// <summary>Records that the next JSON line comes from <paramref name="location"/>, in whichever file that is.</summary>
    public void AddLine(LocationInfo location) => _lines.Add((location.FilePath, location.Span, location.LineSpan));

    /// <summary>The place of a 1-based JSON line (the file start when the JSON text is empty).</summary>
    public LocationInfo LocationOf(string filePath, int jsonLine)
    {
        if (_lines.Count == 0)
        {
            return SourceLocator.FileStartOf(filePath);
        }

        var (path, span, lineSpan) = _lines[Math.Min(Math.Max(jsonLine, 1), _lines.Count) - 1];
        return new LocationInfo(path ?? filePath, span, lineSpan);
    }

    private static LinePosition PositionOf(Mark mark) => new(Math.Max(0, (int)mark.Line - 1), Math.Max(0, (int)mark.Column - 1));
}
