using System.Globalization;
using System.Linq;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes an open enum: a struct holding its wire value (a string, or an integer), with one static property per value
/// the document lists, and its converter. A value the document does not list is read without failing, kept as it came
/// and written back unchanged, in a property, a list or a dictionary alike, which a C# enum beside a raw string could
/// not do for collections.
/// </summary>
internal static class OpenEnumEmitter
{
    private const string Json = "global::System.Text.Json.";

    public static void Write(SourceWriter writer, ContractModel contract, GeneratorOptions options)
    {
        var isString = contract.Kind == ContractKind.StringEnum;
        var valueType = isString ? "string" : HasLongValues(contract) ? "long" : "int";
        WriteStruct(writer, contract, options, isString, valueType);
        writer.Line();
        WriteConverter(writer, contract, options, isString, valueType);
    }

    /// <summary>Whether an integer enum has a value outside <c>int</c>, so that it is backed by a <c>long</c>.</summary>
    public static bool HasLongValues(ContractModel contract) =>
        contract.Members.Any(member => !int.TryParse(member.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));

    private static void WriteStruct(SourceWriter writer, ContractModel contract, GeneratorOptions options, bool isString, string valueType)
    {
        var name = contract.Name;
        writer.DocElement("summary", contract.Documentation);
        writer.DocElement("remarks", $"An open enum: besides the values the document lists (its static properties), it holds any value the server sends, kept as it came and written back unchanged. Compare with <c>==</c>, or switch on <see cref=\"Value\"/>; <see cref=\"IsKnown\"/> says whether the document lists the value.", raw: true);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({contract.ConverterName}))]");
        writer.Line($"{options.Accessibility} readonly partial struct {name} : global::System.IEquatable<{name}>");
        using (writer.OpenBlock())
        {
            if (isString)
            {
                writer.Line("private readonly string? _value;");
                writer.Line();
                writer.DocElement("summary", "A value from its wire string, listed by the document or not.");
                writer.Line($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            }
            else
            {
                writer.DocElement("summary", "A value from its number, listed by the document or not.");
                writer.Line($"public {name}({valueType} value) => Value = value;");
            }

            foreach (var member in contract.Members)
            {
                writer.Line();
                var literal = isString ? SourceWriter.Literal(member.Value) : member.Value + (valueType == "long" ? "L" : string.Empty);
                writer.DocElement("summary", member.Documentation ?? $"Sent and received as {(isString ? "\"" + member.Value + "\"" : member.Value)}.");
                writer.LineOf("public static ", name, " ", member.Name, " { get; } = new(" + literal + ");");
            }

            writer.Line();
            if (isString)
            {
                writer.DocElement("summary", "The wire string (empty for <c>default</c>).", raw: true);
                writer.Line("public string Value => _value ?? string.Empty;");
            }
            else
            {
                writer.DocElement("summary", "The number sent and received.");
                writer.Line($"public {valueType} Value {{ get; }}");
            }

            writer.Line();
            writer.DocElement("summary", "Whether the document lists this value.");
            var known = contract.Members.Count == 0
                ? "false"
                : "Value is " + string.Join(" or ", contract.Members.Select(member => isString ? SourceWriter.Literal(member.Value) : member.Value + (valueType == "long" ? "L" : string.Empty)));
            writer.Line($"public bool IsKnown => {known};");
            writer.Line();
            writer.DocElement("summary", "A value from its wire value, listed by the document or not.");
            writer.Line($"public static implicit operator {name}({valueType} value) => new(value);");
            writer.Line();
            writer.DocElement("summary", "The wire value.");
            writer.Line($"public static explicit operator {valueType}({name} value) => value.Value;");
            writer.Line();
            writer.DocElement("summary", "Whether both hold the same wire value.");
            writer.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
            writer.Line();
            writer.DocElement("summary", "Whether the wire values differ.");
            writer.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line(isString
                ? $"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);"
                : $"public bool Equals({name} other) => Value == other.Value;");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line(isString
                ? "public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);"
                : "public override int GetHashCode() => Value.GetHashCode();");
            writer.Line();
            if (isString)
            {
                writer.DocElement("summary", "The wire value, as sent in JSON, query strings and headers.");
                writer.Line("public override string ToString() => Value;");
            }
            else
            {
                // As a C# enum prints: the name of a listed value, the number of any other.
                writer.DocElement("summary", "The name of a value the document lists, the number of any other.");
                writer.Line("public override string ToString() => Value switch");
                using (writer.OpenBlock("};"))
                {
                    foreach (var member in contract.Members)
                    {
                        writer.LineOf(member.Value, valueType == "long" ? "L" : string.Empty, " => ", SourceWriter.Literal(member.Name), ",");
                    }

                    writer.Line("_ => Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture),");
                }
            }
        }
    }

    private static void WriteConverter(SourceWriter writer, ContractModel contract, GeneratorOptions options, bool isString, string valueType)
    {
        var name = contract.Name;
        writer.DocElement("summary", $"Reads and writes <see cref=\"{name}\"/> as its wire value, listed by the document or not.", raw: true);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"{options.Accessibility} sealed class {contract.ConverterName} : {Json}Serialization.JsonConverter<{name}>");
        using (writer.OpenBlock())
        {
            if (isString)
            {
                writer.DocElement("summary", "The wire string of a value, as sent in JSON, query strings and headers.");
                writer.Line($"public static string ToWireValue({name} value) => value.Value;");
                writer.Line();
            }

            writer.Line("/// <inheritdoc />");
            writer.Line($"public override {name} Read(ref {Json}Utf8JsonReader reader, global::System.Type typeToConvert, {Json}JsonSerializerOptions options)");
            using (writer.OpenBlock())
            {
                var (token, read) = isString ? ("String", "reader.GetString()!") : ("Number", "value");
                var condition = isString ? string.Empty : $" && reader.{(valueType == "long" ? "TryGetInt64" : "TryGetInt32")}(out var value)";
                writer.Line($"return reader.TokenType == {Json}JsonTokenType.{token}{condition}");
                writer.Line($"    ? new {name}({read})");
                writer.Line($"    : throw {ClientSupportSources.EnumValues}.NotAValue(ref reader, \"{name}\", \"{(isString ? "a string" : "a whole number")}\");");
            }

            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"public override void Write({Json}Utf8JsonWriter writer, {name} value, {Json}JsonSerializerOptions options) => writer.{(isString ? "WriteStringValue" : "WriteNumberValue")}(value.Value);");
        }
    }
}
