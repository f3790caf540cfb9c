using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>The client-support converter of a member the document marks <c>x-lenient</c> (see ClientSupport/LenientScalars.cs).</summary>
internal static class LenientConverters
{
    /// <summary>The converter's C# type, or null when the member is not lenient or its type has no lenient reading.</summary>
    public static string? For(PropertyModel property)
    {
        var type = property.Type;
        if (!property.IsLenient || type.Kind != TypeKind.Primitive || type.Converter is not null)
        {
            return null;
        }

        var scalar = type.Name switch
        {
            "bool" => "LenientBooleanConverter",
            "int" or "long" or "float" or "double" or "decimal" => $"LenientNumberConverter<{type.Name}>",
            "string" => "LenientStringConverter",
            _ => null,
        };
        if (scalar is null)
        {
            return null;
        }

        return type.IsValueType && type.IsNullable
            ? $"{ClientSupportSources.Namespace}LenientNullableConverter<{type.Name}, {ClientSupportSources.Namespace}{scalar}>"
            : ClientSupportSources.Namespace + scalar;
    }
}
