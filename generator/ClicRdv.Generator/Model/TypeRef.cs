namespace ClicRdv.Generator.Model;

/// <summary>What kind of C# type a schema maps to; the emitter needs it to write and format values.</summary>
internal enum TypeKind
{
    /// <summary>A built-in type or framework struct named by <see cref="TypeRef.Name"/> (string, int, global::System.Guid...).</summary>
    Primitive,

    /// <summary>A generated class.</summary>
    Contract,

    /// <summary>A generated enum serialized as its wire strings.</summary>
    StringEnum,

    /// <summary>A generated enum serialized as its integer values.</summary>
    IntegerEnum,

    /// <summary>A list of <see cref="TypeRef.Element"/>.</summary>
    Array,

    /// <summary>A string-keyed dictionary of <see cref="TypeRef.Element"/>.</summary>
    Dictionary,

    /// <summary>Any JSON value (free-form schemas, unions without a common type).</summary>
    Json,

    /// <summary>Raw bytes: a stream for bodies, base64 in JSON.</summary>
    Binary,
}

/// <summary>A reference to the C# type of a value, as plain data.</summary>
/// <param name="Kind">What the type is.</param>
/// <param name="Name">The C# name for primitives and generated types; empty for arrays and dictionaries.</param>
/// <param name="Element">The item type of an array or the value type of a dictionary.</param>
/// <param name="IsValueType">Whether the C# type is a struct (so <c>?</c> makes it <c>Nullable&lt;T&gt;</c>).</param>
/// <param name="IsNullable">Whether the document allows <c>null</c> here.</param>
/// <param name="Converter">
/// A generated converter that writes the value in a wire format the document prescribes (a date-time with an
/// <c>x-date-time-format</c>); it also formats the value for URLs.
/// </param>
internal sealed record TypeRef(TypeKind Kind, string Name, TypeRef? Element, bool IsValueType, bool IsNullable, string? Converter = null)
{
    public static TypeRef Primitive(string name, bool isValueType) => new(TypeKind.Primitive, name, null, isValueType, false);

    public static readonly TypeRef String = Primitive("string", isValueType: false);

    public static readonly TypeRef JsonValue = new(TypeKind.Json, "global::System.Text.Json.JsonElement", null, true, false);

    /// <summary>Bytes as they are (<c>format: binary</c>): base64 in JSON, their octets in a form.</summary>
    public static readonly TypeRef Bytes = new(TypeKind.Binary, "byte[]", null, false, false);

    /// <summary>Bytes written as base64 text (<c>format: byte</c>), in JSON as in URLs and forms.</summary>
    public static readonly TypeRef Base64 = Primitive("byte[]", isValueType: false);

    public static TypeRef ArrayOf(TypeRef element) => new(TypeKind.Array, string.Empty, element, false, false);

    public static TypeRef DictionaryOf(TypeRef value) => new(TypeKind.Dictionary, string.Empty, value, false, false);

    /// <summary>Whether this is C#'s string, nullable or not.</summary>
    public bool IsString => Kind == TypeKind.Primitive && Name == String.Name;

    public TypeRef AsNullable(bool nullable = true) => IsNullable == nullable ? this : this with { IsNullable = nullable };
}
