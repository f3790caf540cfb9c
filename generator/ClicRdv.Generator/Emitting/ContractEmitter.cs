using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>Writes the contracts of a document: classes for object schemas, enums (and their converters) for enum schemas.</summary>
internal static class ContractEmitter
{
    /// <summary>
    /// The file's alias of System.Text.Json.Serialization, declared before its namespace so that the attributes on
    /// thousands of properties stay short; no generated name can start with two underscores, so none hides it.
    /// </summary>
    private const string SerializationAlias = "__Json";

    private const string IgnoreWhenNull = "[" + SerializationAlias + ".JsonIgnore(Condition = " + SerializationAlias + ".JsonIgnoreCondition.WhenWritingNull)]";

    public static Microsoft.CodeAnalysis.Text.SourceText Emit(DocumentModel document)
    {
        var writer = FileHeader.Start(document, usings: new[] { $"using {SerializationAlias} = global::System.Text.Json.Serialization;" });
        var contracts = document.Contracts.ToDictionary(contract => contract.Name, System.StringComparer.Ordinal);
        writer.Separated(document.Contracts, contract =>
        {
            switch (contract.Kind)
            {
                case ContractKind.Object:
                    WriteClass(writer, contract, document.Options, contracts);
                    break;
                case ContractKind.IntegerEnum:
                    WriteEnum(writer, contract, document.Options, isString: false);
                    break;
                default:
                    WriteEnum(writer, contract, document.Options, isString: true);
                    writer.Line();
                    WriteEnumConverter(writer, contract, document.Options);
                    break;
            }
        });

        foreach (var format in document.DateTimeFormats)
        {
            writer.Line();
            DateTimeConverterEmitter.Write(writer, format, document.Options);
        }

        foreach (var converter in document.LenientConverters)
        {
            writer.Line();
            LenientConverterEmitter.Write(writer, converter, document.Options);
        }

        return writer.ToSourceText();
    }

    private static void WriteClass(SourceWriter writer, ContractModel contract, GeneratorOptions options, IReadOnlyDictionary<string, ContractModel> contracts)
    {
        writer.DocElement("summary", contract.Documentation);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        var baseClause = contract.BaseTypeName is null ? string.Empty : " : " + contract.BaseTypeName;
        writer.Line($"{options.Accessibility} partial class {contract.Name}{baseClause}");
        using (writer.OpenBlock())
        {
            writer.Separated(contract.Properties, property =>
            {
                var startValue = DefaultValues.Initializer(property, contracts);
                writer.DocElement("summary", property.Documentation);
                if (startValue is not null)
                {
                    writer.DocElement("value", $"Starts as {DefaultText(property.Default!)}, the document's default.");
                }

                writer.LineOf("[", SerializationAlias, ".JsonPropertyName(", SourceWriter.Literal(property.WireName), ")]");

                // The same wire format as the generated metadata, for code that serializes the contracts by reflection.
                if (MemberConverters.For(property, name => contracts[name].ConverterName) is { } converter)
                {
                    writer.LineOf("[", SerializationAlias, ".JsonConverter(typeof(", converter.TypeName, "))]");
                }

                if (property.Type.IsNullable && !property.AllowsNull)
                {
                    writer.Line(IgnoreWhenNull);
                }

                // An answer without a member the schema requires fails, naming the contract and the member, rather than
                // leaving a default (0, null) where the document promises a value.
                if (property.IsRequired)
                {
                    writer.LineOf("[", SerializationAlias, ".JsonRequired]");
                }

                var initializer = startValue is not null ? " = " + startValue + ";"
                    : property.Type.IsNullable || property.Type.IsValueType ? string.Empty : " = default!;";
                writer.LineOf("public ", TypeNames.Value(property.Type), " ", property.Name, " { get; set; }", initializer);
            });

            if (contract.HasAdditionalProperties)
            {
                if (contract.Properties.Count > 0)
                {
                    writer.Line();
                }

                writer.DocElement("summary", "JSON members the document does not describe, kept so that nothing the server sends is lost.");
                writer.Line("[global::System.Text.Json.Serialization.JsonExtensionData]");
                writer.Line("public global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; set; }");
            }
        }
    }

    private static void WriteEnum(SourceWriter writer, ContractModel contract, GeneratorOptions options, bool isString)
    {
        writer.DocElement("summary", contract.Documentation);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        if (isString)
        {
            writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({contract.ConverterName}))]");
        }

        if (contract.IsFlags)
        {
            writer.Line("[global::System.Flags]");
        }

        var needsLong = contract.IsFlags
            ? contract.Members.Count > 31
            : !isString && contract.Members.Any(member => !int.TryParse(member.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
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

    /// <summary>A default as the document writes it: a string quoted, anything else as is.</summary>
    private static string DefaultText(DefaultValueModel value) => value.Kind == DefaultKind.String ? "\"" + value.Text + "\"" : value.Text;

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

    private static void WriteEnumConverter(SourceWriter writer, ContractModel contract, GeneratorOptions options)
    {
        writer.DocElement("summary", $"Reads and writes <see cref=\"{contract.Name}\"/> as the strings the API uses.", raw: true);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"{options.Accessibility} sealed class {contract.ConverterName} : global::System.Text.Json.Serialization.JsonConverter<{contract.Name}>");
        using (writer.OpenBlock())
        {
            if (contract.IsFlags)
            {
                FlagsEnumWireMethods.Write(writer, contract);
            }
            else
            {
                WriteWireMethods(writer, contract);
            }

            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"public override {contract.Name} Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
            using (writer.OpenBlock())
            {
                writer.Line("var text = reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString() : null;");
                writer.Line($"return FromWireValue(text) ?? throw new global::System.Text.Json.JsonException($\"'{{text ?? reader.TokenType.ToString()}}' is not a value of {contract.Name}.\");");
            }

            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {contract.Name} value, global::System.Text.Json.JsonSerializerOptions options)");
            using (writer.OpenBlock())
            {
                writer.Line("writer.WriteStringValue(ToWireValue(value));");
            }
        }
    }
}
