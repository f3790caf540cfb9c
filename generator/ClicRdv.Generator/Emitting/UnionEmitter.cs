using System.Linq;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes a union (a <c>oneOf</c>/<c>anyOf</c> without a discriminator whose variants the JSON tells apart): a sealed
/// class holding exactly one variant, with a property per variant (null unless it is that one), <c>Match</c>, a
/// constructor and an implicit conversion from each variant's type.
/// </summary>
internal static class UnionEmitter
{
    public static void Write(SourceWriter writer, ContractModel contract, GeneratorOptions options)
    {
        var name = contract.Name;
        var variants = contract.Variants;
        writer.DocElement("summary", contract.Documentation);
        writer.DocElement("remarks", "One of: " + string.Join("; ", variants.Select(Describe)) + ". Exactly one of its variant properties is set; <c>Match</c> gives it to the function of its variant.", raw: true);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"{options.Accessibility} sealed partial class {name}");
        using (writer.OpenBlock())
        {
            writer.Line("private readonly object _value;");
            writer.Line("private readonly int _variant;");
            for (var index = 0; index < variants.Count; index++)
            {
                var variant = variants[index];
                var type = Spelled(variant.Type, options);
                writer.Line();
                writer.DocElement("summary", $"A {SourceWriter.EscapeXml(name)} holding this {SourceWriter.EscapeXml(variant.Name)}.");
                writer.Line($"public {name}({type} value)");
                using (writer.OpenBlock())
                {
                    writer.Line(variant.Type.IsValueType ? "_value = value;" : "_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
                    writer.Line($"_variant = {index};");
                }
            }

            for (var index = 0; index < variants.Count; index++)
            {
                var variant = variants[index];
                var type = Spelled(variant.Type, options);
                writer.Line();
                writer.DocElement("summary", $"The {SourceWriter.EscapeXml(variant.Name)} it holds, or null when it holds another variant.");
                // A value type's cast is to its nullable form: an open enum converts from a string, and so from null.
                writer.Line($"public {type}? {variant.Name} => _variant == {index} ? ({type}{(variant.Type.IsValueType ? "?" : string.Empty)})_value : null;");
            }

            writer.Line();
            writer.DocElement("summary", "The value it holds, whichever variant it is.");
            writer.Line("public object Value => _value;");
            writer.Line();
            writer.DocElement("summary", "The result of the function given for the variant it holds.");
            var parameters = string.Join(", ", variants.Select(variant => $"global::System.Func<{Spelled(variant.Type, options)}, TResult> {ParameterOf(variant)}"));
            writer.Line($"public TResult Match<TResult>({parameters}) => _variant switch");
            using (writer.OpenBlock("};"))
            {
                for (var index = 0; index < variants.Count; index++)
                {
                    writer.Line($"{index} => {ParameterOf(variants[index])}(({Spelled(variants[index].Type, options)})_value),");
                }

                writer.Line("_ => throw new global::System.InvalidOperationException(\"No variant.\"),");
            }

            foreach (var variant in variants)
            {
                writer.Line();
                writer.DocElement("summary", $"A {SourceWriter.EscapeXml(name)} holding the {SourceWriter.EscapeXml(variant.Name)}.");
                writer.Line($"public static implicit operator {name}({Spelled(variant.Type, options)} value) => new(value);");
            }

            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public override string ToString() => _value.ToString() ?? string.Empty;");
        }
    }

    /// <summary>A variant's type in full (inside the union, a property named like a generated type would hide it), elements with their nullability.</summary>
    private static string Spelled(TypeRef type, GeneratorOptions options)
    {
        var name = type.Kind switch
        {
            TypeKind.Contract or TypeKind.StringEnum or TypeKind.IntegerEnum => TypeNames.Qualified(options.Namespace, type.Name),
            TypeKind.Array => $"global::System.Collections.Generic.List<{Spelled(type.Element!, options)}>",
            TypeKind.Dictionary => $"global::System.Collections.Generic.Dictionary<string, {Spelled(type.Element!, options)}>",
            _ => type.Name,
        };
        return type.IsNullable ? name + "?" : name;
    }

    private static string ParameterOf(UnionVariantModel variant) => Identifiers.EscapeKeyword(Identifiers.ToCamelCase(variant.Name));

    private static string Describe(UnionVariantModel variant) =>
        $"<see cref=\"{variant.Name}\"/> (a JSON {variant.Kind.ToString().ToLowerInvariant()}"
        + (variant.RequiredMembers.Count > 0 ? " with " + string.Join(", ", variant.RequiredMembers.Select(member => "\"" + SourceWriter.EscapeXml(member) + "\"")) : string.Empty) + ")";
}
