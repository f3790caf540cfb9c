using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Whether the variants of a <c>oneOf</c>/<c>anyOf</c> without a discriminator can be told apart from the JSON alone:
/// by kind (a string, a number, a boolean, an array, an object: one variant each), and among several objects by the
/// members each requires (an object is the first variant whose required members it all has; none may require a subset
/// of another's, or that variant could never be told).
/// </summary>
internal static class Unions
{
    /// <param name="unionName">The union's class, which no variant property may be named like.</param>
    /// <param name="variants">The variants' C# types, distinct, in the document's order.</param>
    /// <param name="contracts">The contracts mapped so far, for the members an object variant requires.</param>
    /// <param name="reason">Why the variants cannot be told apart, when they cannot.</param>
    public static EquatableArray<UnionVariantModel>? Describe(string unionName, IReadOnlyList<TypeRef> variants, IReadOnlyDictionary<string, ContractModel> contracts, out string? reason)
    {
        reason = null;
        var kinds = new List<(TypeRef Type, JsonKind Kind)>();
        foreach (var variant in variants)
        {
            if (KindOf(variant, contracts) is not { } kind)
            {
                reason = $"a variant ({Describe(variant)}) can be any JSON value";
                return null;
            }

            kinds.Add((variant, kind));
        }

        var shared = kinds.Where(entry => entry.Kind != JsonKind.Object).GroupBy(entry => entry.Kind).FirstOrDefault(group => group.Count() > 1);
        if (shared is not null)
        {
            reason = $"{string.Join(" and ", shared.Select(entry => Describe(entry.Type)))} are both a JSON {shared.Key.ToString().ToLowerInvariant()}";
            return null;
        }

        var objects = kinds.Where(entry => entry.Kind == JsonKind.Object).Select(entry => entry.Type).ToList();
        var required = new Dictionary<TypeRef, HashSet<string>>();
        if (objects.Count > 1)
        {
            foreach (var type in objects)
            {
                if (type.Kind != TypeKind.Contract || RequiredMembersOf(type.Name, contracts) is not { Count: > 0 } members)
                {
                    reason = $"{Describe(type)} is one of several object variants and requires no member that tells it apart";
                    return null;
                }

                required[type] = members;
            }

            foreach (var type in objects)
            {
                if (objects.FirstOrDefault(other => other != type && required[other].IsSubsetOf(required[type])) is { } wider)
                {
                    reason = $"an object with the members {Describe(type)} requires also has all those {Describe(wider)} requires";
                    return null;
                }
            }
        }

        var names = new UniqueNameScope(ReservedNames.ObjectMembers.Concat(new[] { unionName, "Value", "Match" }).ToArray());
        return kinds.Select(entry => new UnionVariantModel(
                names.Claim(JsonTypeNames.NameOf(entry.Type)),
                entry.Type,
                entry.Kind,
                required.TryGetValue(entry.Type, out var members) ? members.OrderBy(member => member, StringComparer.Ordinal).ToEquatableArray() : EquatableArray<string>.Empty))
            .ToEquatableArray();
    }

    private static JsonKind? KindOf(TypeRef type, IReadOnlyDictionary<string, ContractModel> contracts) => type.Kind switch
    {
        TypeKind.StringEnum => JsonKind.String,
        TypeKind.IntegerEnum => JsonKind.Number,
        TypeKind.Array => JsonKind.Array,
        TypeKind.Dictionary => JsonKind.Object,
        TypeKind.Binary => JsonKind.String,
        TypeKind.Contract when contracts.TryGetValue(type.Name, out var contract) && contract.Kind == ContractKind.Object => JsonKind.Object,
        TypeKind.Primitive => type.Name switch
        {
            "bool" => JsonKind.Boolean,
            "int" or "long" or "float" or "double" or "decimal" => JsonKind.Number,
            _ => JsonKind.String,
        },
        _ => null,
    };

    /// <summary>The wire names an answer of the class must hold, its base classes' included.</summary>
    private static HashSet<string>? RequiredMembersOf(string name, IReadOnlyDictionary<string, ContractModel> contracts)
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = name; current is not null && seen.Add(current); current = contracts[current].BaseTypeName)
        {
            if (!contracts.ContainsKey(current))
            {
                return null;
            }

            members.UnionWith(contracts[current].Properties.Where(property => property.IsRequiredInAnswers).Select(property => property.WireName));
        }

        return members;
    }

    private static string Describe(TypeRef type) => "'" + JsonTypeNames.NameOf(type) + "'";
}
