using System;
using System.Collections.Generic;
using ClicRdv.Generator.Model;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Where each line of a YAML document's JSON form was written in the YAML file. The JSON form has one member, item or
/// closing bracket per line, so its line number alone names the YAML key, item or scalar that a diagnostic is about.
/// </summary>
internal sealed class JsonLineOrigins
{
    private readonly List<(TextSpan Span, LinePositionSpan LineSpan)> _lines = new();

    /// <summary>Records that the next JSON line comes from the YAML text between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public void AddLine(Mark start, Mark end)
    {
        var startIndex = (int)start.Index;
        var span = new TextSpan(startIndex, Math.Max(0, (int)end.Index - startIndex));
        _lines.Add((span, new LinePositionSpan(PositionOf(start), PositionOf(end))));
    }

    /// <summary>The YAML place of a 1-based JSON line (the file start when the JSON text is empty).</summary>
    public LocationInfo LocationOf(string filePath, int jsonLine)
    {
        if (_lines.Count == 0)
        {
            return SourceLocator.FileStartOf(filePath);
        }

        var (span, lineSpan) = _lines[Math.Min(Math.Max(jsonLine, 1), _lines.Count) - 1];
        return new LocationInfo(filePath, span, lineSpan);
    }

    private static LinePosition PositionOf(Mark mark) => new(Math.Max(0, (int)mark.Line - 1), Math.Max(0, (int)mark.Column - 1));
}
