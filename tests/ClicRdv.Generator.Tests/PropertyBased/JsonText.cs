using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ClicRdv.Generator.Tests.PropertyBased;

/// <summary>
/// Writes a <see cref="JsonNode"/> tree as indented JSON text. System.Text.Json's own writer refuses some strings a
/// document may hold (a lone surrogate, written as <c>\ud800</c>) and cannot write a member twice; this one can, so
/// that documents can carry both.
/// </summary>
internal static class JsonText
{
    /// <summary>The JSON text of <paramref name="node"/>; <paramref name="duplicate"/>, if given, is written twice in its object.</summary>
    public static string Write(JsonNode? node, (JsonObject Owner, string Key)? duplicate = null)
    {
        var builder = new StringBuilder();
        Write(builder, node, 0, duplicate);
        return builder.Append('\n').ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node, int depth, (JsonObject Owner, string Key)? duplicate)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                var members = new List<KeyValuePair<string, JsonNode?>>(obj);
                if (duplicate is { } twice && ReferenceEquals(twice.Owner, obj) && obj.TryGetPropertyValue(twice.Key, out var value))
                {
                    members.Add(new(twice.Key, value));
                }

                WriteContainer(builder, '{', '}', members.Count, depth, index =>
                {
                    WriteString(builder, members[index].Key);
                    builder.Append(": ");
                    Write(builder, members[index].Value, depth + 1, duplicate);
                });
                break;
            case JsonArray array:
                WriteContainer(builder, '[', ']', array.Count, depth, index => Write(builder, array[index], depth + 1, duplicate));
                break;
            default:
                var element = node.GetValue<object>();
                if (element is string text)
                {
                    WriteString(builder, text);
                }
                else if (node.AsValue().TryGetValue<string>(out var jsonString))
                {
                    WriteString(builder, jsonString);
                }
                else
                {
                    builder.Append(node.ToJsonString());
                }

                break;
        }
    }

    private static void WriteContainer(StringBuilder builder, char open, char close, int count, int depth, System.Action<int> writeItem)
    {
        if (count == 0)
        {
            builder.Append(open).Append(close);
            return;
        }

        builder.Append(open).Append('\n');
        for (var index = 0; index < count; index++)
        {
            builder.Append(' ', (depth + 1) * 2);
            writeItem(index);
            builder.Append(index < count - 1 ? ",\n" : "\n");
        }

        builder.Append(' ', depth * 2).Append(close);
    }

    /// <summary>
    /// The text a JSON reader gives back for <paramref name="text"/>: a lone surrogate, which no UTF-8 text can hold,
    /// becomes U+FFFD. Names are compared with what the generator could read, not with what was written.
    /// </summary>
    public static string AsRead(string text)
    {
        var characters = text.ToCharArray();
        for (var index = 0; index < characters.Length; index++)
        {
            if (IsLoneSurrogate(text, index))
            {
                characters[index] = '\uFFFD';
            }
        }

        return new string(characters);
    }

    private static bool IsLoneSurrogate(string text, int index) =>
        char.IsSurrogate(text[index])
        && !(char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        && !(char.IsLowSurrogate(text[index]) && index > 0 && char.IsHighSurrogate(text[index - 1]));

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            switch (character)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (character < ' ' || IsLoneSurrogate(text, index))
                    {
                        builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(character);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
