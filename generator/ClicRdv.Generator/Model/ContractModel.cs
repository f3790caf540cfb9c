namespace ClicRdv.Generator.Model;

internal enum ContractKind
{
    Object,
    StringEnum,
    IntegerEnum,

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> without a discriminator whose variants JSON tells apart: one class holding one of them.</summary>
    Union,
}

/// <summary>A generated type: a class for an object schema, an enum for an enum schema.</summary>
/// <param name="Name">The C# type name, unique in the document's namespace.</param>
/// <param name="Documentation">Summary text from the schema's title or description.</param>
/// <param name="BaseTypeName">The generated base class (from <c>allOf</c>), if any.</param>
/// <param name="HasAdditionalProperties">Whether unknown JSON members are kept in an extension-data dictionary.</param>
/// <param name="ConverterName">For an enum: the generated JSON converter that maps its values to the wire and back.</param>
/// <param name="IsFlags">For a string enum marked <c>x-ms-enum-flags</c>: its values combine, written comma-separated.</param>
/// <param name="IsOpen">For an enum: a struct that keeps any value it is given, listed by the document or not, instead of a C# enum.</param>
/// <param name="Discriminator">For a class of a hierarchy with descendants: which descendant each discriminator value reads as.</param>
/// <param name="DiscriminatorValue">For a class of a hierarchy: the discriminator value a new instance carries.</param>
/// <param name="Variants">For a union: its variants, in the document's order.</param>
internal sealed record ContractModel(
    ContractKind Kind,
    string Name,
    string? Documentation,
    string? BaseTypeName,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumMemberModel> Members,
    bool HasAdditionalProperties,
    string? ConverterName,
    bool IsFlags = false,
    bool IsOpen = false,
    DiscriminatorModel? Discriminator = null,
    DiscriminatorValueModel? DiscriminatorValue = null,
    EquatableArray<UnionVariantModel> Variants = default);

/// <summary>How a union tells a JSON value's variant: by its kind, and for objects by the members it requires.</summary>
internal enum JsonKind
{
    String,
    Number,
    Boolean,
    Array,
    Object,
}

/// <summary>One variant of a union.</summary>
/// <param name="Name">The C# name of its property and the parameter of <c>Match</c> (the type's name: <c>EmailContact</c>, <c>String</c>, <c>Int64</c>...).</param>
/// <param name="Type">Its C# type.</param>
/// <param name="Kind">The JSON kind of its values.</param>
/// <param name="RequiredMembers">For an object among other objects: the members that tell it apart (all present).</param>
internal sealed record UnionVariantModel(string Name, TypeRef Type, JsonKind Kind, EquatableArray<string> RequiredMembers);

/// <summary>
/// The discriminator of a class hierarchy (<c>discriminator</c> on an <c>allOf</c> base, or on a <c>oneOf</c> whose
/// variants become the subclasses): the member that says which class an object is.
/// </summary>
/// <param name="PropertyName">The C# property of the hierarchy's root class.</param>
/// <param name="WireName">The JSON member.</param>
/// <param name="Cases">The value of each descendant (not the class itself), in the document's mapping order, then by name.</param>
internal sealed record DiscriminatorModel(string PropertyName, string WireName, EquatableArray<DiscriminatorCase> Cases);

/// <param name="Value">The discriminator value, as the JSON member holds it.</param>
/// <param name="TypeName">The class an object with that value reads as.</param>
internal sealed record DiscriminatorCase(string Value, string TypeName);

/// <param name="PropertyName">The root class's discriminator property, which the constructor sets.</param>
/// <param name="Value">The value (the mapping's, or the schema's name), or null for a <c>oneOf</c> root the document gives none.</param>
internal sealed record DiscriminatorValueModel(string PropertyName, string? Value);

/// <param name="Name">The C# property name.</param>
/// <param name="WireName">The JSON member name, written into <c>[JsonPropertyName]</c>.</param>
/// <param name="IsRequired">
/// Whether the schema lists it as required: its C# type is then not nullable (unless the document allows null).
/// Whether an answer must carry it is <see cref="IsRequiredInAnswers"/>.
/// </param>
/// <param name="AllowsNull">
/// Whether the document allows <c>null</c> as the value. A property that is nullable in C# only because it is optional
/// is left out of what is written when null, so that no request carries a null the document forbids.
/// </param>
/// <param name="LenientConverter">For a member the document marks <c>x-lenient</c> (a boolean, number or string): the generated converter that reads each JSON form of its value and writes its type.</param>
/// <param name="Default">The document's <c>default</c>, which the property starts with.</param>
/// <param name="IsReadOnly">The document marks it <c>readOnly</c>: the server sends it, and no request carries it.</param>
/// <param name="IsWriteOnly">The document marks it <c>writeOnly</c>: requests carry it, and no answer is expected to.</param>
/// <param name="IsDiscriminator">The discriminator of a hierarchy: a string set by the class, read-only to users.</param>
/// <param name="IsTolerant">A required member the document marks <c>x-tolerant</c> (on it or on its object): the server is known to leave it out of answers.</param>
internal sealed record PropertyModel(
    string Name,
    string WireName,
    TypeRef Type,
    string? Documentation,
    bool IsRequired,
    bool AllowsNull,
    string? LenientConverter,
    DefaultValueModel? Default = null,
    bool IsReadOnly = false,
    bool IsWriteOnly = false,
    bool IsTolerant = false,
    bool IsDiscriminator = false)
{
    /// <summary>Whether an answer without the member fails: it is required, and neither writeOnly nor x-tolerant.</summary>
    public bool IsRequiredInAnswers => IsRequired && !IsWriteOnly && !IsTolerant;
}

internal enum DefaultKind
{
    Boolean,
    Integer,
    Number,
    String,
}

/// <summary>A scalar <c>default</c> as the document writes it: its kind, and its text (invariant culture; a string's value).</summary>
/// <param name="IsConst">The value is the schema's <c>const</c>, the only one it allows, rather than a default.</param>
internal sealed record DefaultValueModel(DefaultKind Kind, string Text, bool IsConst = false);

/// <param name="Name">The C# member name.</param>
/// <param name="Value">The wire string of a string enum, or the integer literal of an integer enum.</param>
internal sealed record EnumMemberModel(string Name, string Value, string? Documentation);
