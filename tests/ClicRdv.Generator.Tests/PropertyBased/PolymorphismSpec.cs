using System.Collections.Generic;

namespace ClicRdv.Generator.Tests.PropertyBased;

/// <summary>A member of a class in a hierarchy: a scalar or an open string enum, so that JSON written by hand can give it a value.</summary>
internal enum MemberKind
{
    String,
    Integer,
    Number,
    Boolean,
    OpenEnum,
}

/// <param name="EnumValues">The values an <see cref="MemberKind.OpenEnum"/> lists (the JSON written by hand sends another one).</param>
internal sealed record MemberSpec(string Name, MemberKind Kind, IReadOnlyList<string> EnumValues, bool Required);

/// <summary>How a discriminator names its classes.</summary>
internal enum MappingStyle
{
    /// <summary>No mapping: each class's schema name is its value.</summary>
    SchemaNames,

    /// <summary>A mapping whose values are references (<c>#/components/schemas/Cat</c>).</summary>
    References,

    /// <summary>A mapping whose values are bare schema names (<c>Cat</c>), which OpenAPI 3.0 allows.</summary>
    BareNames,
}

/// <param name="Parent">The class this one extends through <c>allOf</c>; null for the root, and for the variants of a <c>oneOf</c> root.</param>
/// <param name="Mixin">A plain object component also listed in the <c>allOf</c> (a second parent whose members are copied in), or null.</param>
/// <param name="Value">This class's entry in the mapping, or null when the mapping leaves it out (its schema name then serves).</param>
internal sealed record ClassSpec(string Name, string? Parent, string? Mixin, IReadOnlyList<MemberSpec> Members, string? Value);

/// <param name="PropertyName">The discriminator's member.</param>
/// <param name="OneOfRoot">The root is a <c>oneOf</c> of the other classes with the discriminator (they extend nothing in the document), rather than their <c>allOf</c> parent.</param>
/// <param name="Position">Where the discriminator stands in the JSON written by hand: 0 first, 1 among the members, 2 last.</param>
/// <param name="Classes">The root first, then every other class, parents before children.</param>
internal sealed record HierarchySpec(string PropertyName, bool PropertyRequired, MappingStyle Mapping, bool OneOfRoot, int Position, IReadOnlyList<ClassSpec> Classes)
{
    public ClassSpec Root => Classes[0];
}

internal sealed record MixinSpec(string Name, IReadOnlyList<MemberSpec> Members);

/// <summary>The JSON kind of a union's variant.</summary>
internal enum VariantKind
{
    String,
    Integer,
    Boolean,
    StringArray,
    Object,
}

/// <param name="Component">For an object: its component's name.</param>
/// <param name="RequiredMember">For an object: the member only this variant requires, which tells it apart.</param>
internal sealed record VariantSpec(VariantKind Kind, string? Component, string? RequiredMember);

/// <summary>A <c>oneOf</c> (or <c>anyOf</c>) without a discriminator whose variants differ by JSON kind or by a required member.</summary>
internal sealed record UnionSpec(string Name, bool AnyOf, IReadOnlyList<VariantSpec> Variants);

internal sealed record PolymorphicDocumentSpec(IReadOnlyList<HierarchySpec> Hierarchies, IReadOnlyList<MixinSpec> Mixins, IReadOnlyList<UnionSpec> Unions);
