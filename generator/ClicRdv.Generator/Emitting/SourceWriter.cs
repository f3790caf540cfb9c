using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ClicRdv.Generator.Emitting;

/// <summary>Writes C# text line by line with consistent indentation and '\n' line endings on every platform.</summary>
internal sealed class SourceWriter
{
    private const int IndentWidth = 4;

    /// <summary>Every character that ends a line for the C# compiler, not only '\r' and '\n'.</summary>
    private static readonly char[] LineBreaks = { '\r', '\n', '\u0085', '\u2028', '\u2029' };
    private static readonly char[] XmlSpecials = { '&', '<', '>' };

    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            Indent().Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes one line made of pieces, without joining them into a string first (emitting is allocation-bound).</summary>
    public SourceWriter LineOf(string a, string b, string c = "", string d = "", string e = "", string f = "")
    {
        Indent().Append(a).Append(b).Append(c).Append(d).Append(e).Append(f).Append('\n');
        return this;
    }

    /// <summary>Starts a line to be written piece by piece with <see cref="Append"/> and ended with <see cref="EndLine"/>.</summary>
    public SourceWriter BeginLine()
    {
        Indent();
        return this;
    }

    /// <summary>Adds a piece to the line begun with <see cref="BeginLine"/>.</summary>
    public SourceWriter Append(string text)
    {
        _builder.Append(text);
        return this;
    }

    public SourceWriter EndLine()
    {
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <c>{</c>, indents, and returns a scope whose disposal writes the closing brace.</summary>
    public Block OpenBlock(string closing = "}")
    {
        Line("{");
        _indent++;
        return new Block(this, closing);
    }

    /// <summary>Writes <paramref name="write"/> for each item, with a blank line between two items.</summary>
    public void Separated<T>(System.Collections.Generic.IEnumerable<T> items, Action<T> write)
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                Line();
            }

            first = false;
            write(item);
        }
    }

    /// <summary>
    /// Writes an XML documentation element, one <c>///</c> line per text line. The text is escaped unless
    /// <paramref name="raw"/> says it is already XML.
    /// </summary>
    public SourceWriter DocElement(string element, string? text, string? attributes = null, bool raw = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        if (text!.IndexOfAny(LineBreaks) < 0)
        {
            OpenTag(element, attributes).Append(Escape(text.Trim(), raw)).Append("</").Append(element).Append(">\n");
            return this;
        }

        OpenTag(element, attributes).Append('\n');
        foreach (var line in text.Replace("\r\n", "\n").Split(LineBreaks))
        {
            Line(("/// " + Escape(line.TrimEnd(), raw)).TrimEnd());
        }

        return LineOf("/// </", element, ">");
    }

    /// <summary>
    /// The text, read from the builder in pieces: a large file never becomes one string, which would go to the large
    /// object heap, where every such allocation brings full garbage collections closer (they dominated emitting a large
    /// document). Roslyn keeps a large text in chunks below that heap's threshold.
    /// </summary>
    public SourceText ToSourceText() => SourceText.From(new BuilderReader(_builder), _builder.Length, Encoding.UTF8);

    /// <summary>Text for a <c>//</c> comment: on one line, whichever line breaks it holds.</summary>
    public static string SingleLine(string text) =>
        text.IndexOfAny(LineBreaks) < 0 ? text : string.Join(" ", text.Split(LineBreaks));

    private StringBuilder Indent() => _builder.Append(' ', IndentWidth * _indent);

    private StringBuilder OpenTag(string element, string? attributes)
    {
        Indent().Append("/// <").Append(element);
        return (attributes is null ? _builder : _builder.Append(' ').Append(attributes)).Append('>');
    }

    private static string Escape(string text, bool raw) => raw ? text : EscapeXml(text);

    public static string EscapeXml(string text)
    {
        var escaped = text.IndexOfAny(XmlSpecials) < 0 ? text : text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        for (var index = 0; index < escaped.Length; index++)
        {
            if (IsInvalidInXml(escaped[index]))
            {
                return new string(escaped.Select((character, at) => IsInvalidInXml(character, at, escaped) ? '\uFFFD' : character).ToArray());
            }
        }

        return escaped;
    }

    /// <summary>Characters XML documentation cannot hold (CS1570): control characters, U+FFFE, U+FFFF, lone surrogates.</summary>
    private static bool IsInvalidInXml(char character) =>
        (character < ' ' && character is not '\t' and not '\n' and not '\r') || character is '\uFFFE' or '\uFFFF' || char.IsSurrogate(character);

    private static bool IsInvalidInXml(char character, int index, string text) =>
        char.IsSurrogate(character)
            ? !(char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
              && !(char.IsLowSurrogate(character) && index > 0 && char.IsHighSurrogate(text[index - 1]))
            : IsInvalidInXml(character);

    /// <summary>A C# string literal for any text (quotes, backslashes and control characters escaped).</summary>
    public static string Literal(string text)
    {
        if (IsPlainAscii(text))
        {
            return "\"" + text + "\"";
        }

        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var character in text)
        {
            switch (character)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(character) || char.IsSurrogate(character) || character is '\u2028' or '\u2029' or '\u0085')
                    {
                        builder.Append("\\u").Append(((int)character).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(character);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Printable ASCII without quotes or backslashes: a literal of it is the text between quotes.</summary>
    private static bool IsPlainAscii(string text)
    {
        foreach (var character in text)
        {
            if (character is < ' ' or > '~' or '"' or '\\')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads a StringBuilder's text without copying it into one string first.</summary>
    private sealed class BuilderReader(StringBuilder builder) : TextReader
    {
        private int _position;

        public override int Peek() => _position < builder.Length ? builder[_position] : -1;

        public override int Read() => _position < builder.Length ? builder[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            var read = Math.Min(count, builder.Length - _position);
            builder.CopyTo(_position, buffer, index, read);
            _position += read;
            return read;
        }
    }

    public readonly struct Block : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string _closing;

        public Block(SourceWriter writer, string closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line(_closing);
        }
    }
}
