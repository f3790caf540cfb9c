using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// The <c>contentType</c> of a multipart field's <c>encoding</c>, read from the document's text: NSwag.Core reads that
/// member as <c>encodingType</c>, so its model never holds it. The text is parsed once, on the first question.
/// </summary>
internal sealed class PartEncodings
{
    private const int MaxReferenceHops = 8;

    private readonly string _json;
    private JToken? _root;

    public PartEncodings(string json) => _json = json;

    /// <summary>The content type the document gives <paramref name="field"/> of an operation's <paramref name="mediaType"/> body, as written.</summary>
    /// <param name="operationPointer">The operation's JSON pointer (<c>/paths/~1uploads/post</c>).</param>
    public string? ContentType(string operationPointer, string mediaType, string field)
    {
        _root ??= JToken.ReadFrom(new JsonTextReader(new System.IO.StringReader(_json)) { DateParseHandling = DateParseHandling.None });
        var body = Follow(At(_root, operationPointer)?["requestBody"]);
        return Follow(body?["content"]?[mediaType])?["encoding"]?[field]?["contentType"] is JValue { Type: JTokenType.String } value ? (string?)value : null;
    }

    /// <summary>The object a local <c>$ref</c> names (a request body in the components, say), or the token itself.</summary>
    private JToken? Follow(JToken? token)
    {
        for (var hop = 0; hop < MaxReferenceHops && token is JObject { } target && target["$ref"] is JValue { Type: JTokenType.String } reference; hop++)
        {
            var text = (string)reference!;
            token = text.StartsWith("#/", StringComparison.Ordinal) ? At(_root!, Uri.UnescapeDataString(text.Substring(1))) : null;
        }

        return token;
    }

    private static JToken? At(JToken root, string pointer)
    {
        var current = root;
        foreach (var segment in pointer.Split('/'))
        {
            if (segment.Length > 0)
            {
                current = (current as JObject)?[segment.Replace("~1", "/").Replace("~0", "~")];
            }
        }

        return current;
    }
}
