using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace ClicRdv.Generator.Tests.PropertyBased;

/// <summary>
/// Random documents made of discriminated hierarchies (<c>allOf</c> trees with grandchildren, second parents and
/// classes that only rename their parent; <c>oneOf</c> roots; each mapping style) and unions without a discriminator
/// whose variants can be told apart. Names come from <see cref="Names"/>: component names that are C# keywords or
/// generated names, members and discriminator values that collide once made identifiers.
/// </summary>
internal static class PolymorphismGenerator
{
    /// <summary>Names that a JSON reader gives back as written (no lone surrogate), so that JSON written by hand can be compared.</summary>
    private static readonly Gen<string> WireName = Names.NonEmpty.Where(name => JsonText.AsRead(name) == name);

    /// <summary>Component names a <c>$ref</c> and a bare mapping value can both name: plain, or hostile but made of letters, digits and underscores.</summary>
    private static readonly Gen<string> ComponentName = Gen.Frequency(
        (5, Names.Plain),
        (2, Gen.OneOf(Names.Hostile.Where(name => name.Length > 0 && name.All(character => char.IsLetterOrDigit(character) || character == '_')).ToArray())),
        (1, Gen.OneOf("Value", "IsKnown", "Match", "Unknown", "ApiJsonContext", "Discriminated")));

    private sealed record ClassShape(int Parent, bool Mixin, MemberKind[] Members, bool[] Required, bool Listed);

    private sealed record HierarchyShape(MappingStyle Mapping, bool OneOfRoot, bool PropertyRequired, int Position, ClassShape[] Classes);

    private static readonly Gen<MemberKind[]> MemberKinds = Gen.Enum<MemberKind>().Array[0, 3];

    private static Gen<ClassShape> Class(int index, bool oneOfRoot) =>
        from parent in oneOfRoot || index == 0 ? Gen.Const(0) : Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[0, index - 1]))
        from mixin in oneOfRoot || index == 0 ? Gen.Const(false) : Gen.Frequency((3, Gen.Const(false)), (1, Gen.Const(true)))
        from members in Gen.Frequency((4, MemberKinds), (1, Gen.Const(System.Array.Empty<MemberKind>()))) // none: a class that only renames its parent
        from required in Gen.Bool.Array[members.Length]
        from listed in Gen.Frequency((4, Gen.Const(true)), (1, Gen.Const(false)))
        select new ClassShape(parent, mixin, members, required, listed);

    private static readonly Gen<HierarchyShape> Hierarchy =
        from mapping in Gen.Enum<MappingStyle>()
        from oneOfRoot in Gen.Frequency((3, Gen.Const(false)), (1, Gen.Const(true)))
        from propertyRequired in Gen.Bool
        from position in Gen.Int[0, 2]
        from count in oneOfRoot ? Gen.Int[3, 5] : Gen.Int[2, 5] // a oneOf of one variant is that variant
        from classes in Sequence(Enumerable.Range(0, count).Select(index => Class(index, oneOfRoot)))
        select new HierarchyShape(mapping, oneOfRoot, propertyRequired, position, classes);

    /// <summary>Two to four variants: distinct kinds, and any number of objects, each requiring a member of its own.</summary>
    private static readonly Gen<(bool AnyOf, VariantKind[] Kinds)> UnionShape =
        from kinds in Gen.Enum<VariantKind>().Array[2, 4]
        from anyOf in Gen.Bool
        let distinct = kinds.Where(kind => kind != VariantKind.Object).Distinct().Concat(kinds.Where(kind => kind == VariantKind.Object)).ToArray()
        select (anyOf, distinct.Length >= 2 ? distinct : distinct.Append(VariantKind.Object).ToArray());

    private static Gen<T[]> Sequence<T>(IEnumerable<Gen<T>> generators) =>
        generators.Aggregate(Gen.Const(System.Array.Empty<T>()), (all, next) => Gen.Select(all, next, (values, value) => values.Append(value).ToArray()));

    public static readonly Gen<PolymorphicDocumentSpec> Documents =
        from hierarchies in Hierarchy.Array[1, 3]
        from unions in UnionShape.Array[0, 2]
        from components in Names.Distinct(ComponentName, 8, 30)
        from wireNames in Names.Distinct(WireName, 12, 40)
        from values in Names.Distinct(WireName, 6, 20)
        select Build(hierarchies, unions, components, wireNames, values);

    private static PolymorphicDocumentSpec Build(HierarchyShape[] hierarchies, (bool AnyOf, VariantKind[] Kinds)[] unions, string[] components, string[] wireNames, string[] values)
    {
        var componentNames = new NameSupply(components);
        var memberNames = new NameSupply(wireNames);

        // A mapping value that is also a schema name would be taken by the class of that name, which the mapping may not mean.
        var mappingValues = new NameSupply(values.Where(value => !components.Contains(value)).DefaultIfEmpty("listed value").ToArray());
        var enumValues = values.Take(3).ToArray();
        var mixins = new List<MixinSpec>();

        IReadOnlyList<MemberSpec> Members(MemberKind[] kinds, bool[] required) =>
            kinds.Select((kind, index) => new MemberSpec(memberNames.Next(), kind, kind == MemberKind.OpenEnum ? enumValues : System.Array.Empty<string>(), required[index])).ToList();

        var builtHierarchies = hierarchies.Select(shape =>
        {
            var propertyName = memberNames.Next();
            var classes = new List<ClassSpec>();
            foreach (var (classShape, index) in shape.Classes.Select((classShape, index) => (classShape, index)))
            {
                string? mixin = null;
                if (classShape.Mixin)
                {
                    mixin = componentNames.Next();
                    mixins.Add(new MixinSpec(mixin, Members(new[] { MemberKind.String }, new[] { classShape.Required.FirstOrDefault() })));
                }

                var parent = index == 0 || shape.OneOfRoot ? null : classes[classShape.Parent].Name;
                var value = index > 0 && shape.Mapping != MappingStyle.SchemaNames && classShape.Listed ? mappingValues.Next() : null;
                // A oneOf root is only its variants: it has no members of its own.
                var members = index == 0 && shape.OneOfRoot ? System.Array.Empty<MemberSpec>() : Members(classShape.Members, classShape.Required);
                classes.Add(new ClassSpec(componentNames.Next(), parent, mixin, members, value));
            }

            return new HierarchySpec(propertyName, shape.PropertyRequired, shape.Mapping, shape.OneOfRoot, shape.Position, classes);
        }).ToList();

        var builtUnions = unions.Select(shape => new UnionSpec(
            componentNames.Next(),
            shape.AnyOf,
            shape.Kinds.Select(kind => kind == VariantKind.Object ? new VariantSpec(kind, componentNames.Next(), memberNames.Next()) : new VariantSpec(kind, null, null)).ToList())).ToList();

        return new PolymorphicDocumentSpec(builtHierarchies, mixins, builtUnions);
    }

    /// <summary>Hands out distinct names from a drawn list, then the list's names with a number once it runs out.</summary>
    private sealed class NameSupply
    {
        private readonly string[] _pool;
        private readonly HashSet<string> _used = new(System.StringComparer.Ordinal);
        private int _next;

        public NameSupply(string[] pool) => _pool = pool;

        public string Next()
        {
            while (true)
            {
                var round = _next / _pool.Length;
                var candidate = _pool[_next % _pool.Length] + (round == 0 ? string.Empty : "_" + round.ToString(System.Globalization.CultureInfo.InvariantCulture));
                _next++;
                if (_used.Add(candidate))
                {
                    return candidate;
                }
            }
        }
    }
}
