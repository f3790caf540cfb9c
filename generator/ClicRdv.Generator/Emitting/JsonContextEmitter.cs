using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes the document's <c>JsonSerializerContext</c>: System.Text.Json metadata for every type its clients read or
/// write, built with the public API the System.Text.Json source generator's own output uses (that generator cannot see
/// generated contracts: generators do not see each other's output). The clients read and write through it, so no
/// serialization is reflection-based, under Native AOT or anywhere else.
/// </summary>
internal static class JsonContextEmitter
{
    // Aliases the file declares before its namespace, so that its thousands of lines stay short: a generated type's
    // name cannot start with two underscores, so none can hide them.
    private const string MetadataAlias = "__Metadata";
    private const string SupportAlias = "__Support";
    private const string IgnoreAlias = "__Ignore";
    private const string OptionsAlias = "__Options";

    private const string Metadata = MetadataAlias + ".";
    private const string TypeInfo = Metadata + "JsonTypeInfo";
    private const string Services = Metadata + "JsonMetadataServices.";
    private const string WhenWritingNull = IgnoreAlias + ".WhenWritingNull";

    private static readonly string[] Aliases =
    {
        $"using {MetadataAlias} = global::System.Text.Json.Serialization.Metadata;",
        $"using {SupportAlias} = {ClientSupportSources.JsonMetadata};",
        $"using {IgnoreAlias} = global::System.Text.Json.Serialization.JsonIgnoreCondition;",
        $"using {OptionsAlias} = global::System.Text.Json.JsonSerializerOptions;",
    };

    public static Microsoft.CodeAnalysis.Text.SourceText Emit(DocumentModel document, JsonTypeCatalog catalog)
    {
        var name = document.JsonContextClassName;
        var writer = FileHeader.Start(document, nullable: false, Aliases);
        writer.DocElement("summary", $"System.Text.Json metadata for every type the clients of \"{SourceWriter.EscapeXml(document.Title)}\" read or write, built without reflection (trimming- and Native AOT-safe). The clients use it whatever options their settings carry; pass it on to serialize the same types yourself (<c>JsonSerializer.Serialize(pet, {name}.Default.Pet)</c>, or <c>TypeInfoResolver = {name}.Default</c>), or combine it with <c>JsonTypeInfoResolver.Combine</c>.", raw: true);
        writer.DocElement("remarks", "The document decides the wire format of its types: member names, enum values and date-time formats are its own, whatever converters or naming policies the options carry; a member the document does not allow to be null is left out when null. The options decide the rest: whether other nulls are written, numbers read from strings, case-insensitive names, depth, indentation. The default options write no null member and read numbers sent as strings.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"{document.Options.Accessibility} sealed partial class {name} : global::System.Text.Json.Serialization.JsonSerializerContext, {Metadata}IJsonTypeInfoResolver");
        using (writer.OpenBlock())
        {
            WriteConstruction(writer, name);
            foreach (var entry in catalog.Entries)
            {
                writer.Line();
                WriteProperty(writer, entry);
            }

            writer.Line();
            WriteResolver(writer, catalog);
            foreach (var entry in catalog.Entries.Where(entry => entry.Shape == JsonShape.Object))
            {
                writer.Line();
                WriteCreator(writer, entry, catalog);
            }

            writer.Line();
            writer.Line($"private {TypeInfo}<T> Get<T>() => ({TypeInfo}<T>)Options.GetTypeInfo(typeof(T));");
            writer.Line();
            writer.Line($"private {TypeInfo}<T> Resolved<T>({TypeInfo}<T> typeInfo)");
            using (writer.OpenBlock())
            {
                writer.Line("typeInfo.OriginatingResolver = this;");
                writer.Line("return typeInfo;");
            }
        }

        return writer.ToSourceText();
    }

    private static void WriteConstruction(SourceWriter writer, string name)
    {
        writer.Line($"private static readonly {OptionsAlias} s_defaultOptions = new()");
        writer.Line("{");
        writer.Line($"    DefaultIgnoreCondition = {WhenWritingNull},");
        writer.Line("    NumberHandling = global::System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,");
        writer.Line("};");
        writer.Line();
        writer.DocElement("summary", "The metadata with the default options: null members are not written, numbers sent as strings are read.");
        writer.Line($"public static {name} Default {{ get; }} = new(new {OptionsAlias}(s_defaultOptions));");
        writer.Line();
        writer.DocElement("summary", "The options this context was generated for.");
        writer.Line($"protected override {OptionsAlias} GeneratedSerializerOptions {{ get; }} = s_defaultOptions;");
        writer.Line();
        writer.DocElement("summary", "Creates a context with its own default options.");
        writer.Line($"public {name}()");
        writer.Line("    : base(null)");
        writer.Line("{");
        writer.Line("}");
        writer.Line();
        writer.DocElement("summary", "Creates a context bound to <paramref name=\"options\"/>, which it becomes the resolver of.", raw: true);
        writer.Line($"public {name}({OptionsAlias} options)");
        writer.Line("    : base(options)");
        writer.Line("{");
        writer.Line("}");
    }

    private static void WriteProperty(SourceWriter writer, JsonTypeEntry entry)
    {
        var type = $"{TypeInfo}<{entry.Spelling}>";
        writer.DocElement("summary", $"Metadata for {Describe(entry)}.", raw: true);
        writer.LineOf("public ", type, " ", entry.PropertyName, " => _", entry.PropertyName + " ??= Get<" + entry.Spelling + ">();");
        writer.LineOf("private ", type, " _", entry.PropertyName, ";");
    }

    private static void WriteResolver(SourceWriter writer, JsonTypeCatalog catalog)
    {
        writer.Line("/// <inheritdoc />");
        writer.Line($"public override {TypeInfo} GetTypeInfo(global::System.Type type)");
        using (writer.OpenBlock())
        {
            writer.Line("Options.TryGetTypeInfo(type, out var typeInfo);");
            writer.Line("return typeInfo;");
        }

        writer.Line();
        writer.Line($"{TypeInfo} {Metadata}IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, {OptionsAlias} options)");
        using (writer.OpenBlock())
        {
            // Objects have a method of their own; any other type's metadata is one call.
            foreach (var entry in catalog.Entries)
            {
                var creation = entry.Shape == JsonShape.Union ? "Resolved(" + UnionInfo(entry, catalog) + ")"
                    : entry.Shape != JsonShape.Object ? "Resolved(" + ValueInfo(entry, catalog) + ")"
                    : entry.Contract!.Discriminator is { } discriminator ? "Resolved(" + DiscriminatedInfo(entry, discriminator) + ")"
                    : "Create_" + entry.PropertyName + "(options)";
                writer.LineOf("if (type == typeof(", entry.Spelling, ")) return ", creation, ";");
            }

            writer.Line("return null;");
        }
    }

    private static void WriteCreator(SourceWriter writer, JsonTypeEntry entry, JsonTypeCatalog catalog)
    {
        var head = $"private {TypeInfo}<{entry.Spelling}> Create_{entry.PropertyName}({OptionsAlias} options) => Resolved(";
        writer.LineOf(head, SupportAlias, ".Object<", entry.Spelling, ">(options, static () => new ", entry.Spelling + "(), static o => new " + Metadata + "JsonPropertyInfo[]");
        writer.Line("{");
        WriteProperties(writer, entry.Contract!, catalog);
        writer.Line("}));");
    }

    /// <summary>A class with descendants: its own metadata, and the class each discriminator value reads as.</summary>
    private static string DiscriminatedInfo(JsonTypeEntry entry, DiscriminatorModel discriminator)
    {
        var cases = string.Join(", ", discriminator.Cases.Select(@case => $"({SourceWriter.Literal(@case.Value)}, typeof({@case.TypeName}))"));
        return $"{SupportAlias}.Discriminated<{entry.Spelling}>(options, Create_{entry.PropertyName}(options), {SourceWriter.Literal(discriminator.WireName)}, "
            + $"static (x, v) => x.{discriminator.PropertyName} = v, new (string, global::System.Type)[] {{ {cases} }})";
    }

    /// <summary>A union: for each variant, the JSON it is read from, its type, and how the union holds it.</summary>
    private static string UnionInfo(JsonTypeEntry entry, JsonTypeCatalog catalog)
    {
        var union = entry.Spelling;
        var cases = entry.Contract!.Variants.Select(variant =>
        {
            var type = catalog.Spell(variant.Type, isParameter: false);
            var required = variant.RequiredMembers.Count == 0 ? "global::System.Array.Empty<string>()" : "new string[] { " + string.Join(", ", variant.RequiredMembers.Select(SourceWriter.Literal)) + " }";
            return $"new({SourceWriter.Literal(variant.Name)}, global::System.Text.Json.JsonValueKind.{KindOf(variant.Kind)}, {required}, typeof({type}), static v => new {union}(({type})v), static u => u.{variant.Name})";
        });
        return $"{SupportAlias}.Union<{union}>(options, new {ClientSupportSources.Namespace}UnionCase<{union}>[] {{ {string.Join(", ", cases)} }})";
    }

    private static string KindOf(Model.JsonKind kind) => kind == Model.JsonKind.Boolean ? "True" : kind.ToString();

    private static string ValueInfo(JsonTypeEntry entry, JsonTypeCatalog catalog)
    {
        const string support = SupportAlias;
        var spelling = entry.Spelling;
        return entry.Shape switch
        {
            JsonShape.StringEnum or JsonShape.IntegerEnum => $"{support}.Owned<{spelling}>(options, new {catalog.EnumConverter(entry.Type.Name)}())",
            JsonShape.FormattedDateTime => $"{support}.Owned<{spelling}>(options, new {catalog.DateTimeConverter}())",
            JsonShape.Nullable => $"{support}.{(entry.Element!.IsOwned ? "NullableOwned" : "Nullable")}<{entry.Element.Spelling}>(options)",
            JsonShape.List => $"{support}.List<{entry.Element!.Spelling}>(options)",
            JsonShape.Sequence => $"{support}.Sequence<{entry.Element!.Spelling}>(options)",
            JsonShape.Dictionary => $"{support}.Dictionary<{entry.Element!.Spelling}>(options)",
            _ => $"{support}.Value<{spelling}>(options, {Services}{PrimitiveConverter(entry.Type)})",
        };
    }

    /// <summary>
    /// Each property of the class and of its base classes (in that order, as the source generator lists them), then its
    /// extension data. Written piece by piece: box-platform has thousands of these lines.
    /// </summary>
    private static void WriteProperties(SourceWriter writer, ContractModel contract, JsonTypeCatalog catalog)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);

        // Only the root keeps extension data, and it comes last: every member's name is known by then.
        var wireNames = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase); // as options that read names case-insensitively compare them
        for (var current = contract; current is not null && seen.Add(current.Name); current = current.BaseTypeName is { } baseName ? catalog.Contract(baseName) : null)
        {
            wireNames.UnionWith(current.Properties.Select(property => property.WireName));
            var declaring = current.Name;
            var cast = "((" + declaring + ")x).";
            foreach (var property in current.Properties)
            {
                writer.BeginLine().Append("    ").Append(SupportAlias).Append(".Property<").Append(declaring).Append(", ").Append(catalog.Spell(property.Type, isParameter: false))
                    .Append(">(o, ").Append(SourceWriter.Literal(property.Name)).Append(", ").Append(SourceWriter.Literal(property.WireName))
                    .Append(", static x => ").Append(cast).Append(property.Name);
                if (property.IsDiscriminator)
                {
                    // Each class sets its discriminator; the converter sets a value it reads.
                    writer.Append(", null");
                }
                else
                {
                    writer.Append(", static (x, v) => ").Append(cast).Append(property.Name).Append(" = v");
                }

                if (MemberConverter(property, catalog) is { } converter)
                {
                    writer.Append(", converter: ").Append(converter);
                }

                if (property.Type.IsNullable && !property.AllowsNull)
                {
                    writer.Append(", ignore: ").Append(WhenWritingNull);
                }

                if (property.IsRequiredInAnswers)
                {
                    writer.Append(", required: true");
                }

                if (property.IsReadOnly)
                {
                    writer.Append(", readOnly: true");
                }

                writer.Append("),").EndLine();
            }

            if (current.HasAdditionalProperties)
            {
                writer.BeginLine().Append("    ").Append(SupportAlias).Append(".ExtensionData<").Append(declaring)
                    .Append(">(o, static x => ").Append(cast).Append("AdditionalProperties, static (x, v) => ").Append(cast).Append("AdditionalProperties = v");
                if (wireNames.Contains(ReservedNames.AdditionalProperties))
                {
                    // The extension data's JSON name is checked against the members' like any other, though never written.
                    writer.Append(", jsonName: ").Append(SourceWriter.Literal(ExtensionDataName(wireNames)));
                }

                writer.Append("),").EndLine();
            }
        }
    }

    /// <summary>A JSON name for the extension data that none of the class's members has.</summary>
    private static string ExtensionDataName(HashSet<string> wireNames)
    {
        var suffix = 2;
        while (wireNames.Contains(ReservedNames.AdditionalProperties + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            suffix++;
        }

        return ReservedNames.AdditionalProperties + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The converter bound to the member (see <see cref="MemberConverters"/>), for the member's own type.</summary>
    private static string? MemberConverter(PropertyModel property, JsonTypeCatalog catalog)
    {
        if (MemberConverters.For(property, catalog.EnumConverter) is not { } bound)
        {
            return null;
        }

        var instance = $"new {bound.TypeName}()";
        return property.Type.IsNullable && !bound.HandlesNull ? $"{SupportAlias}.NullableOf({instance}, o)" : instance;
    }

    private static string PrimitiveConverter(TypeRef type) => type.Name switch
    {
        "string" => "StringConverter",
        "int" => "Int32Converter",
        "long" => "Int64Converter",
        "float" => "SingleConverter",
        "double" => "DoubleConverter",
        "decimal" => "DecimalConverter",
        "bool" => "BooleanConverter",
        "byte[]" => "ByteArrayConverter",
        var name => name.Substring(name.LastIndexOf('.') + 1) + "Converter",
    };

    /// <summary>A generated type as a cref; any other as code (a cref cannot name a constructed generic type).</summary>
    private static string Describe(JsonTypeEntry entry) => entry.Shape is JsonShape.Object or JsonShape.Union or JsonShape.StringEnum or JsonShape.IntegerEnum
        ? $"<see cref=\"{entry.Spelling}\"/>"
        : $"<c>{SourceWriter.EscapeXml(entry.Spelling.Replace("global::", string.Empty))}</c>";
}
