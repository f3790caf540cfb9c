using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Naming;

/// <summary>Names of C# types as the System.Text.Json source generator forms them, for the context's properties and a union's variants.</summary>
internal static class JsonTypeNames
{
    /// <summary>The name System.Text.Json's source generator gives a type (<c>ListPet</c>, <c>NullableInt32</c>, <c>DictionaryStringString</c>).</summary>
    public static string NameOf(TypeRef type, bool isParameter = false)
    {
        if (type.IsValueType && type.IsNullable)
        {
            return "Nullable" + NameOf(type.AsNullable(false), isParameter: false);
        }

        return type.Kind switch
        {
            TypeKind.Array => (isParameter ? "IEnumerable" : "List") + NameOf(type.Element!, isParameter: false),
            TypeKind.Dictionary => "DictionaryString" + NameOf(type.Element!, isParameter: false),
            TypeKind.Binary => "ByteArray",
            _ => type.Name switch
            {
                "string" => "String",
                "int" => "Int32",
                "long" => "Int64",
                "float" => "Single",
                "double" => "Double",
                "decimal" => "Decimal",
                "bool" => "Boolean",
                "byte[]" => "ByteArray",
                var name => name.Substring(name.LastIndexOf('.') + 1),
            },
        };
    }
}
