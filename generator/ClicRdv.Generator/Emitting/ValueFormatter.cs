using System.Collections.Generic;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes the C# expression that turns a parameter value into URL or header text, picking a type-specific
/// overload at compile time so that no value is boxed.
/// </summary>
internal sealed class ValueFormatter
{
    private const string Runtime = ClientRuntimeSource.RuntimeClassName;

    private readonly IReadOnlyDictionary<string, string> _enumConverters;

    /// <param name="enumConverters">Each string enum's name, mapped to its generated converter.</param>
    public ValueFormatter(IReadOnlyDictionary<string, string> enumConverters) => _enumConverters = enumConverters;

    /// <summary>The text of a non-null value; arrays are joined with the style's separator, naming each item <paramref name="itemName"/>.</summary>
    public string Text(TypeRef type, string expression, CollectionStyle style, string itemName)
    {
        if (type.Kind != TypeKind.Array)
        {
            return Scalar(type, expression);
        }

        var separator = style switch
        {
            CollectionStyle.Ssv => " ",
            CollectionStyle.Pipes => "|",
            _ => ",",
        };
        return $"{Runtime}.Join({SourceWriter.Literal(separator)}, {expression}, static {itemName} => {Item(type.Element!, itemName)})";
    }

    /// <summary>The text of an array item, which may itself be null (then the item is left out).</summary>
    public string Item(TypeRef element, string expression)
    {
        if (!element.IsNullable)
        {
            return Scalar(element, expression);
        }

        return element.IsValueType
            ? $"({expression}.HasValue ? {Scalar(element, expression + ".Value")} : null)"
            : $"({expression} is null ? null : {Scalar(element, expression)})";
    }

    private string Scalar(TypeRef type, string expression) => type.Kind switch
    {
        _ when type.Converter is not null => $"{type.Converter}.Format({expression})",
        TypeKind.StringEnum => $"{_enumConverters[type.Name]}.ToWireValue({expression})",
        TypeKind.IntegerEnum => $"{Runtime}.Format((long){expression})",
        TypeKind.Primitive when type.Name == "string" => expression,
        _ => $"{Runtime}.Format({expression})",
    };
}
