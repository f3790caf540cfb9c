using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes the converter of the <c>x-lenient</c> members of one type: a class of the document's accessibility that
/// delegates to the internal client-support converter (ClientSupport/LenientScalars.cs), so that the contracts'
/// <c>[JsonConverter]</c> names a type that code in another assembly, such as the System.Text.Json source generator's
/// output, can reach.
/// </summary>
internal static class LenientConverterEmitter
{
    private const string Json = "global::System.Text.Json.";

    public static void Write(SourceWriter writer, LenientConverterModel converter, GeneratorOptions options)
    {
        var type = converter.Type;
        var valueType = type.IsValueType && type.IsNullable ? type.Name + "?" : type.Name;
        var support = ClientSupportSources.Namespace + type.Name switch
        {
            "bool" => "LenientBooleanConverter",
            "string" => "LenientStringConverter",
            var number => $"LenientNumberConverter<{number}>",
        };
        if (type.IsValueType && type.IsNullable)
        {
            support = $"{ClientSupportSources.Namespace}LenientNullableConverter<{type.Name}, {support}>";
        }

        writer.DocElement("summary", $"Reads an x-lenient member of type {valueType} from each JSON form a server sends it in, and writes it as that type.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"{options.Accessibility} sealed class {converter.ConverterName} : {Json}Serialization.JsonConverter<{valueType}>");
        using (writer.OpenBlock())
        {
            writer.Line($"private static readonly {support} Inner = new();");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public override bool HandleNull => Inner.HandleNull;");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"public override {valueType}{(type.IsValueType ? string.Empty : "?")} Read(ref {Json}Utf8JsonReader reader, global::System.Type typeToConvert, {Json}JsonSerializerOptions options) => Inner.Read(ref reader, typeToConvert, options);");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"public override void Write({Json}Utf8JsonWriter writer, {valueType} value, {Json}JsonSerializerOptions options) => Inner.Write(writer, value, options);");
        }
    }
}
