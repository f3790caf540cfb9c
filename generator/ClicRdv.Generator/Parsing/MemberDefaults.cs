using System;
using System.Globalization;
using System.Linq;
using ClicRdv.Generator.Model;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// A member's <c>default</c>, or its <c>const</c> (OpenAPI 3.1), which wins: on its schema, the schema it references or
/// one of its <c>allOf</c> parts. Only scalar values are kept (a boolean, a number, a string); an object or array has no
/// C# literal. A const is a start value rather than an enum of one: it is most often a fixed tag ("kind": "dog"), which
/// a new object then carries with no code and no type of its own.
/// </summary>
internal static class MemberDefaults
{
    public static DefaultValueModel? Of(JsonSchema schema)
    {
        var layers = MemberSchemas.LayersOf(schema).ToList();
        var constant = layers.Select(ConstOf).FirstOrDefault(found => found is not null);
        var value = constant ?? layers.Select(layer => layer.Default).FirstOrDefault(found => found is not null);
        return ScalarOf(value) is { } scalar ? scalar with { IsConst = constant is not null } : null;
    }

    /// <summary>NJsonSchema keeps <c>const</c>, a keyword it does not know, among the extensions.</summary>
    private static object? ConstOf(JsonSchema layer) =>
        layer.ExtensionData is { } extensions && extensions.TryGetValue("const", out var value)
            ? value is JValue token ? token.Value : value
            : null;

    private static DefaultValueModel? ScalarOf(object? value) =>
        value switch
        {
            bool flag => new DefaultValueModel(DefaultKind.Boolean, flag ? "true" : "false"),
            long or int or short or byte => new DefaultValueModel(DefaultKind.Integer, Convert.ToString(value, CultureInfo.InvariantCulture)!),
            double number when !double.IsNaN(number) && !double.IsInfinity(number) => new DefaultValueModel(DefaultKind.Number, number.ToString("R", CultureInfo.InvariantCulture)),
            decimal number => new DefaultValueModel(DefaultKind.Number, number.ToString(CultureInfo.InvariantCulture)),
            string text => new DefaultValueModel(DefaultKind.String, text),
            _ => null,
        };
}
