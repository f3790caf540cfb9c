using System;
using System.Globalization;
using System.Linq;
using ClicRdv.Generator.Model;
using NJsonSchema;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// A member's <c>default</c>: on its schema, the schema it references or one of its <c>allOf</c> parts. Only scalar
/// defaults are kept (a boolean, a number, a string); an object or array default has no C# literal.
/// </summary>
internal static class MemberDefaults
{
    public static DefaultValueModel? Of(JsonSchema schema)
    {
        var value = MemberSchemas.LayersOf(schema).Select(layer => layer.Default).FirstOrDefault(found => found is not null);
        return value switch
        {
            bool flag => new DefaultValueModel(DefaultKind.Boolean, flag ? "true" : "false"),
            long or int or short or byte => new DefaultValueModel(DefaultKind.Integer, Convert.ToString(value, CultureInfo.InvariantCulture)!),
            double number when !double.IsNaN(number) && !double.IsInfinity(number) => new DefaultValueModel(DefaultKind.Number, number.ToString("R", CultureInfo.InvariantCulture)),
            decimal number => new DefaultValueModel(DefaultKind.Number, number.ToString(CultureInfo.InvariantCulture)),
            string text => new DefaultValueModel(DefaultKind.String, text),
            _ => null,
        };
    }
}
