using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ClicRdv.Generator.Tests.Infrastructure;

/// <summary>
/// Writes a JSON document as the same document in block-style YAML, with YamlDotNet's emitter: strings plain where
/// YAML allows it (the emitter picks plain, quoted or block style), numbers, booleans and null as plain scalars.
/// </summary>
internal static class JsonToYaml
{
    /// <summary>
    /// Strings whose plain form a YAML 1.2 reader could take for another type (or a merge key), written quoted. It is
    /// broader than the core schema on purpose (every string that starts like a number), so it does not copy the rules
    /// under test.
    /// </summary>
    private static readonly Regex MayReadAsAnotherType = new(@"^(?:|~|<<|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+.0-9].*)$", RegexOptions.Singleline);

    public static string Convert(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        var writer = new StringWriter();
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, document.RootElement);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
                foreach (var member in element.EnumerateObject())
                {
                    EmitString(emitter, member.Name);
                    Emit(emitter, member.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonValueKind.Array:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (var item in element.EnumerateArray())
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValueKind.String:
                EmitString(emitter, element.GetString()!);
                break;
            default:
                // A number's own text, true, false, null.
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, element.GetRawText(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    private static void EmitString(IEmitter emitter, string value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, MayReadAsAnotherType.IsMatch(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, isPlainImplicit: true, isQuotedImplicit: true));
}
