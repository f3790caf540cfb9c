using System.Collections.Generic;
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
                case not ContractKind.Object when contract.IsOpen:
                    OpenEnumEmitter.Write(writer, contract, document.Options);
                    break;
                case ContractKind.Object:
                    WriteClass(writer, contract, document.Options, contracts);
                    break;
                case ContractKind.Union:
                    UnionEmitter.Write(writer, contract, document.Options);
                    break;
                default:
                    ClosedEnumEmitter.Write(writer, contract, document.Options);
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
            if (contract.DiscriminatorValue is { Value: { } value } discriminated)
            {
                writer.DocElement("summary", $"A new {contract.Name}, whose {SourceWriter.EscapeXml(discriminated.PropertyName)} is \"{SourceWriter.EscapeXml(value)}\".");
                writer.Line($"public {contract.Name}()");
                using (writer.OpenBlock())
                {
                    writer.LineOf(discriminated.PropertyName, " = ", SourceWriter.Literal(value), ";");
                }

                if (contract.Properties.Count > 0 || contract.HasAdditionalProperties)
                {
                    writer.Line();
                }
            }

            writer.Separated(contract.Properties, property =>
            {
                var startValue = DefaultValues.Initializer(property, contracts);
                writer.DocElement("summary", property.Documentation);
                if (startValue is not null)
                {
                    writer.DocElement("value", property.Default!.IsConst
                        ? $"Always {DefaultValues.Text(property.Default)}, the document's const: a new object starts with it, and no other value is valid."
                        : $"Starts as {DefaultValues.Text(property.Default)}, the document's default.");
                }

                writer.DocElement("remarks", AccessRemarks(property, startValue is not null));

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
                // leaving a default (0, null) where the document promises a value; unless answers never carry it
                // (writeOnly) or the server is known to leave it out (x-tolerant). A readOnly member gets no attribute:
                // the one that would keep reflection from writing it, JsonIgnoreCondition.WhenWriting, is .NET 10's and
                // the contracts compile for .NET 8; the generated metadata never writes it.
                if (property.IsRequiredInAnswers)
                {
                    writer.LineOf("[", SerializationAlias, ".JsonRequired]");
                }

                // A hierarchy's discriminator: each class's constructor sets it, and only the JSON metadata changes it (to
                // a value the document does not list, read as the base class), so that it cannot disagree with the class.
                if (property.IsDiscriminator)
                {
                    writer.LineOf("public string ", property.Name, " { get; internal set; } = string.Empty;");
                    return;
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

    /// <summary>Which way the member travels (readOnly, writeOnly), and what an answer without it leaves; null for an ordinary member.</summary>
    private static string? AccessRemarks(PropertyModel property, bool hasDefault)
    {
        var text = new System.Text.StringBuilder();
        if (property.IsDiscriminator)
        {
            text.Append("Which class of the hierarchy this object is: set by each class's constructor, and read from the answer for a value the document does not list. ");
        }

        if (property.IsReadOnly)
        {
            text.Append("Sent by the server (readOnly): no request carries it, even when it is set. ");
        }

        if (property.IsWriteOnly)
        {
            text.Append("Only sent (writeOnly): requests carry it, answers are not expected to. ");
        }

        if (property.IsTolerant)
        {
            text.Append("Required, but the server is known to leave it out of answers (x-tolerant): requests always carry it. ");
        }

        if (property.IsRequired && !property.IsRequiredInAnswers)
        {
            // The type stays that of a required member, for requests; an answer without it leaves the initial value.
            var initial = hasDefault ? "its default" : property.Type.IsValueType || property.Type.IsNullable ? "its initial value" : "its initial value, null, although its type is not nullable";
            text.Append("An answer without it reads, and the property keeps ").Append(initial).Append('.');
        }

        return text.Length == 0 ? null : text.ToString().TrimEnd();
    }
}
