using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// The C# initializer of a property whose schema has a <c>default</c>, so that a contract starts with the value the
/// server assumes when the member is absent. A default that does not fit the property's type (a string for an
/// integer, a value an enum does not list, a number out of range) gives no initializer rather than code that fails.
/// </summary>
internal static class DefaultValues
{
    /// <summary>The expression, or null when the property has no default its type can hold.</summary>
    public static string? Initializer(PropertyModel property, IReadOnlyDictionary<string, ContractModel> enums)
    {
        if (property.Default is not { } value || property.Type.Converter is not null)
        {
            return null;
        }

        var type = property.Type;
        return (value.Kind, type.Kind) switch
        {
            (DefaultKind.Boolean, TypeKind.Primitive) when type.Name == "bool" => value.Text,
            (DefaultKind.Integer, TypeKind.Primitive) => Number(type.Name, value.Text),
            (DefaultKind.Number, TypeKind.Primitive) when type.Name is "double" or "float" or "decimal" => Number(type.Name, value.Text),
            (DefaultKind.String, TypeKind.Primitive) when type.Name == "string" => SourceWriter.Literal(value.Text),
            (DefaultKind.String, TypeKind.StringEnum) or (DefaultKind.Integer, TypeKind.IntegerEnum) => Member(type.Name, value.Text, enums),
            _ => null,
        };
    }

    /// <summary>A default as the document writes it: a string quoted, anything else as is.</summary>
    public static string Text(DefaultValueModel value) => value.Kind == DefaultKind.String ? "\"" + value.Text + "\"" : value.Text;

    private static string? Number(string typeName, string text) => typeName switch
    {
        "int" when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => text,
        "long" when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => text + "L",
        "double" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsInfinity(number) => text + "d",
        "float" when float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !float.IsInfinity(number) => text + "f",
        "decimal" when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => text + "m",
        _ => null,
    };

    private static string? Member(string enumName, string wireValue, IReadOnlyDictionary<string, ContractModel> enums) =>
        enums.TryGetValue(enumName, out var contract) && contract.Members.FirstOrDefault(member => member.Value == wireValue) is { } member
            ? enumName + "." + member.Name
            : null;
}
