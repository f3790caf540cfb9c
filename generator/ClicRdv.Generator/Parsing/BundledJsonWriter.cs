using System.Linq;
using System.Text;
using ClicRdv.Generator.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Writes a bundled document as JSON with one member, item or closing bracket per line, as the YAML form is, and
/// records for each line the place (<see cref="LocationInfo"/> annotation) of the token it was copied from.
/// </summary>
internal sealed class BundledJsonWriter
{
    private readonly StringBuilder _json = new();
    private readonly JsonLineOrigins _origins = new();
    private LocationInfo? _lastOrigin;

    public static BundledDocument Write(JToken root)
    {
        var writer = new BundledJsonWriter();
        writer.NewLine(root);
        writer.WriteValue(root);
        return new BundledDocument(writer._json.ToString(), writer._origins);
    }

    private void WriteValue(JToken token)
    {
        switch (token)
        {
            case JObject { Count: 0 }:
                _json.Append("{}");
                break;
            case JObject obj:
                _json.Append('{');
                var first = true;
                foreach (var member in obj.Properties())
                {
                    _json.Append(first ? string.Empty : ",");
                    first = false;
                    NewLine(member);
                    _json.Append(JsonConvert.ToString(member.Name)).Append(": ");
                    WriteValue(member.Value);
                }

                NewLine(obj);
                _json.Append('}');
                break;
            case JArray { Count: 0 }:
                _json.Append("[]");
                break;
            case JArray array:
                _json.Append('[');
                for (var index = 0; index < array.Count; index++)
                {
                    _json.Append(index == 0 ? string.Empty : ",");
                    NewLine(array[index]);
                    WriteValue(array[index]);
                }

                NewLine(array);
                _json.Append(']');
                break;
            default:
                _json.Append(token.ToString(Formatting.None));
                break;
        }
    }

    /// <summary>Starts a line that comes from where <paramref name="token"/> was copied from (the nearest annotated token up its parents).</summary>
    private void NewLine(JToken token)
    {
        if (_json.Length > 0)
        {
            _json.Append('\n');
        }

        for (JToken? current = token; current is not null; current = current.Parent)
        {
            if (current.Annotations<LocationInfo>().FirstOrDefault() is { } origin)
            {
                _lastOrigin = origin;
                break;
            }
        }

        // Every copied token is annotated; a line of none (none is expected) stays with the line before it.
        _origins.AddLine(_lastOrigin ?? SourceLocator.FileStartOf(string.Empty));
    }
}
