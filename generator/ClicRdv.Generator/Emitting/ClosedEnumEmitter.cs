using System.Globalization;
using System.Linq;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes a closed enum (<c>ClicRdvClosedEnums</c>, or an <c>x-ms-enum-flags</c> enum): a C# enum and its converter,
/// which reads only the values the document lists and names any other in its error.
/// </summary>
internal static class ClosedEnumEmitter
{
    private const string Json = "global::System.Text.Json.";

    public static void Write(SourceWriter writer, ContractModel contract, GeneratorOptions options)
    {
        var isString = contract.Kind == ContractKind.StringEnum;
        WriteEnum(writer, contract, options, isString);
        writer.Line();
        WriteConverter(writer, contract, options, isString);
    }

    private static void WriteEnum(SourceWriter writer, ContractModel contract, GeneratorOptions options, bool isString)
    {
        writer.DocElement("summary", contract.Documentation);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({contract.ConverterName}))]");

        if (contract.IsFlags)
        {
            writer.Line("[global::System.Flags]");
        }

        var needsLong = contract.IsFlags
            ? contract.Members.Count > 31
            : !isString && OpenEnumEmitter.HasLongValues(contract);
        writer.Line($"{options.Accessibility} enum {contract.Name}{(needsLong ? " : long" : string.Empty)}");
        using (writer.OpenBlock())
        {
            var index = 0;
            foreach (var member in contract.Members)
            {
                writer.DocElement("summary", member.Documentation ?? (isString ? $"Sent and received as \"{member.Value}\"." : null));
                var value = contract.IsFlags ? (needsLong ? "1L << " : "1 << ") + index.ToString(CultureInfo.InvariantCulture)
                    : isString ? index.ToString(CultureInfo.InvariantCulture) : member.Value;
                writer.LineOf(member.Name, " = ", value, ",");
                index++;
            }
        }
    }

    /// <summary>A plain enum's wire methods: one string per member.</summary>
    private static void WriteWireMethods(SourceWriter writer, ContractModel contract)
    {
        writer.DocElement("summary", "The wire string of a value, as sent in JSON, query strings and headers.");
        writer.Line($"public static string ToWireValue({contract.Name} value) => value switch");
        using (writer.OpenBlock("};"))
        {
            foreach (var member in contract.Members)
            {
                writer.LineOf(contract.Name, ".", member.Name, " => ", SourceWriter.Literal(member.Value), ",");
            }

            writer.Line($"_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a value of {contract.Name}.\"),");
        }

        writer.Line();
        writer.DocElement("summary", "The value for a wire string, or <c>null</c> when the string is not one the document lists.", raw: true);
        writer.Line($"public static {contract.Name}? FromWireValue(string? value) => value switch");
        using (writer.OpenBlock("};"))
        {
            foreach (var member in contract.Members)
            {
                writer.LineOf(SourceWriter.Literal(member.Value), " => ", contract.Name, ".", member.Name, ",");
            }

            writer.Line("_ => null,");
        }
    }

    private static void WriteConverter(SourceWriter writer, ContractModel contract, GeneratorOptions options, bool isString)
    {
        var name = contract.Name;
        writer.DocElement("summary", $"Reads and writes <see cref=\"{name}\"/> as the {(isString ? "strings" : "numbers")} the API uses, refusing any the document does not list.", raw: true);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"{options.Accessibility} sealed class {contract.ConverterName} : {Json}Serialization.JsonConverter<{name}>");
        using (writer.OpenBlock())
        {
            if (contract.IsFlags)
            {
                FlagsEnumWireMethods.Write(writer, contract);
                writer.Line();
            }
            else if (isString)
            {
                WriteWireMethods(writer, contract);
                writer.Line();
            }

            writer.Line("/// <inheritdoc />");
            writer.Line($"public override {name} Read(ref {Json}Utf8JsonReader reader, global::System.Type typeToConvert, {Json}JsonSerializerOptions options)");
            using (writer.OpenBlock())
            {
                if (isString)
                {
                    writer.Line($"return (reader.TokenType == {Json}JsonTokenType.String ? FromWireValue(reader.GetString()) : null)");
                    writer.Line($"    ?? throw {ClientSupportSources.EnumValues}.NotAValue(ref reader, \"{name}\");");
                }
                else
                {
                    var listed = contract.Members.Count == 0 ? "false" : "number is " + string.Join(" or ", contract.Members.Select(member => member.Value));
                    writer.Line($"return reader.TokenType == {Json}JsonTokenType.Number && reader.TryGetInt64(out var number) && {listed}");
                    writer.Line($"    ? ({name})number");
                    writer.Line($"    : throw {ClientSupportSources.EnumValues}.NotAValue(ref reader, \"{name}\");");
                }
            }

            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line(isString
                ? $"public override void Write({Json}Utf8JsonWriter writer, {name} value, {Json}JsonSerializerOptions options) => writer.WriteStringValue(ToWireValue(value));"
                : $"public override void Write({Json}Utf8JsonWriter writer, {name} value, {Json}JsonSerializerOptions options) => writer.WriteNumberValue((long)value);");
        }
    }
}
