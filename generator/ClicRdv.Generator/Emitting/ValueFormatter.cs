using System.Collections.Generic;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes the C# expression that turns a parameter value into URL or header text, as the document's formats write it,
/// picking a type-specific overload at compile time so that no value is boxed.
/// </summary>
internal sealed class ValueFormatter
{
    private readonly IReadOnlyDictionary<string, string> _enumConverters;
    private readonly string _namespace;

    /// <param name="enumConverters">Each string enum's name, mapped to its generated converter.</param>
    /// <param name="namespace">The document's namespace: generated types are named in full, so that no member of the client can hide them.</param>
    public ValueFormatter(IReadOnlyDictionary<string, string> enumConverters, string @namespace)
    {
        _enumConverters = enumConverters;
        _namespace = @namespace;
    }

    /// <summary>
    /// The text of a non-null value; arrays are joined with the style's separator, naming each item <paramref name="itemName"/>.
    /// <paramref name="urlFormatting"/> (an expression) is the caller's URL formatter, for path and query values; null for headers.
    /// </summary>
    public string Text(TypeRef type, string expression, CollectionStyle style, string itemName, string? urlFormatting)
    {
        if (type.Kind != TypeKind.Array)
        {
            return WithFormatting(urlFormatting, expression, Scalar(type, expression));
        }

        var separator = style switch
        {
            CollectionStyle.Ssv => " ",
            CollectionStyle.Pipes => "|",
            _ => ",",
        };
        return $"{ClientSupportSources.RequestUri}.Join({SourceWriter.Literal(separator)}, {expression}, {urlFormatting ?? "null"}, static {itemName} => {Item(type.Element!, itemName, urlFormatting: null)})";
    }

    /// <summary>The text of an array item, which may itself be null (then the item is left out).</summary>
    public string Item(TypeRef element, string expression, string? urlFormatting)
    {
        if (!element.IsNullable)
        {
            return WithFormatting(urlFormatting, expression, Scalar(element, expression));
        }

        var text = element.IsValueType
            ? $"({expression}.HasValue ? {Scalar(element, expression + ".Value")} : null)"
            : $"({expression} is null ? null : {Scalar(element, expression)})";
        return WithFormatting(urlFormatting, expression, text);
    }

    private static string WithFormatting(string? urlFormatting, string value, string documentText) =>
        urlFormatting is null ? documentText : $"{ClientSupportSources.UrlFormatting}.Text({urlFormatting}, {value}, {documentText})";

    private string Scalar(TypeRef type, string expression) => type.Kind switch
    {
        _ when type.Converter is not null => $"{Qualified(type.Converter)}.Format({expression})",
        TypeKind.StringEnum => $"{Qualified(_enumConverters[type.Name])}.ToWireValue({expression})",
        TypeKind.IntegerEnum => $"{ClientSupportSources.WireText}.Format((long){expression})",
        TypeKind.Primitive when type.Name == "string" => expression,
        TypeKind.Contract => $"{ClientSupportSources.WireText}.Format({expression}.Value)",
        _ => $"{ClientSupportSources.WireText}.Format({expression})",
    };

    private string Qualified(string generatedType) => TypeNames.Qualified(_namespace, generatedType);
}
