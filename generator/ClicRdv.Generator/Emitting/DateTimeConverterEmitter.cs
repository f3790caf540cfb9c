using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes the converter for a date-time whose wire format the document fixes with <c>x-date-time-format</c> (ClicRDV
/// writes <c>2017-02-28 11:35:00</c>: no 'T', no offset). It writes that format and reads it, or ISO 8601.
/// </summary>
internal static class DateTimeConverterEmitter
{
    public static void Write(SourceWriter writer, DateTimeFormatModel format, GeneratorOptions options)
    {
        var wireFormat = SourceWriter.Literal(format.Format);
        writer.DocElement("summary", $"Reads and writes date-times as \"{format.Format}\" (the clock time as written, no offset); reads ISO 8601 too.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"{options.Accessibility} sealed class {format.ConverterName} : global::System.Text.Json.Serialization.JsonConverter<global::System.DateTime>");
        using (writer.OpenBlock())
        {
            writer.DocElement("summary", "The wire format, a .NET custom date and time format string.");
            writer.Line($"public const string WireFormat = {wireFormat};");
            writer.Line();
            writer.DocElement("summary", "The wire text of a value, as sent in JSON, query strings and headers.");
            writer.Line("public static string Format(global::System.DateTime value) => value.ToString(WireFormat, global::System.Globalization.CultureInfo.InvariantCulture);");
            writer.Line();
            writer.DocElement("summary", "Reads the wire format, or ISO 8601 (an offset is dropped: the clock time is kept); null if neither matches.");
            writer.Line("public static global::System.DateTime? TryParse(string? text)");
            using (writer.OpenBlock())
            {
                writer.Line("if (global::System.DateTime.TryParseExact(text, WireFormat, global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None, out var exact))");
                using (writer.OpenBlock())
                {
                    writer.Line("return exact;");
                }

                writer.Line();
                writer.Line("return global::System.DateTimeOffset.TryParse(text, global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None, out var iso) && text!.Contains('-')");
                writer.Line("    ? iso.DateTime");
                writer.Line("    : null;");
            }

            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public override global::System.DateTime Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
            using (writer.OpenBlock())
            {
                writer.Line("var text = reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString() : null;");
                writer.Line("return TryParse(text) ?? throw new global::System.Text.Json.JsonException($\"'{text ?? reader.TokenType.ToString()}' is not a date-time in the format {WireFormat} or ISO 8601.\");");
            }

            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateTime value, global::System.Text.Json.JsonSerializerOptions options)");
            using (writer.OpenBlock())
            {
                writer.Line("writer.WriteStringValue(Format(value));");
            }
        }
    }
}
