using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;
using NJsonSchema;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// A <c>discriminator</c> the mapping met: on an <c>allOf</c> base (or on a schema that only refers to one, which
/// makes that base the root), or on a <c>oneOf</c>/<c>anyOf</c> whose variants are to become its subclasses.
/// </summary>
/// <param name="RootName">The class at the top of the hierarchy.</param>
/// <param name="Discriminator">The document's discriminator: its member and its mapping.</param>
/// <param name="Variants">For a <c>oneOf</c>/<c>anyOf</c>: the schemas of its variants; null for an <c>allOf</c> base.</param>
/// <param name="Pointer">Where the discriminator stands, for diagnostics.</param>
internal sealed record HierarchyDeclaration(string RootName, OpenApiDiscriminator Discriminator, IReadOnlyList<JsonSchema>? Variants, string Pointer);

/// <summary>
/// Turns the discriminators of a document into class hierarchies, once every schema is mapped: the variants of a
/// discriminated <c>oneOf</c> derive from it; the root class gets its discriminator as a string property set by each
/// class (and removed from the descendants, which inherit it); each class learns its own value (the mapping's, else its
/// schema's name, as OpenAPI says) and each class with descendants the value of every one of them.
/// </summary>
internal sealed class Hierarchies
{
    private readonly Dictionary<string, ContractModel> _contracts;
    private readonly Func<JsonSchema, string?> _contractOf;
    private readonly Func<string, string?> _schemaNameOf;
    private readonly List<(string Pointer, string Reason)> _ignored = new();

    /// <param name="contracts">The document's contracts by name, updated in place.</param>
    /// <param name="contractOf">The class a schema maps to, if it maps to one.</param>
    /// <param name="schemaNameOf">The component name of a contract (its implicit discriminator value), if it is a component.</param>
    public Hierarchies(Dictionary<string, ContractModel> contracts, Func<JsonSchema, string?> contractOf, Func<string, string?> schemaNameOf)
    {
        _contracts = contracts;
        _contractOf = contractOf;
        _schemaNameOf = schemaNameOf;
    }

    /// <summary>The discriminators that could not make a hierarchy, with why, for diagnostics.</summary>
    public IReadOnlyList<(string Pointer, string Reason)> Ignored => _ignored;

    public void Resolve(IEnumerable<HierarchyDeclaration> declarations)
    {
        foreach (var declaration in declarations)
        {
            if (string.IsNullOrEmpty(declaration.Discriminator.PropertyName))
            {
                _ignored.Add((declaration.Pointer, "it names no propertyName"));
                continue;
            }

            if (declaration.Variants is { } variants && !AdoptVariants(declaration, variants))
            {
                continue;
            }

            Build(declaration);
        }
    }

    /// <summary>Makes each variant of a discriminated <c>oneOf</c> a subclass of it, if none has a base of its own.</summary>
    private bool AdoptVariants(HierarchyDeclaration declaration, IReadOnlyList<JsonSchema> variants)
    {
        var names = variants.Select(_contractOf).ToList();
        var reason = names.Any(name => name is null) ? "a variant is not an object schema of the components"
            : names.Distinct(StringComparer.Ordinal).Count() != names.Count ? "a variant appears twice"
            : names.FirstOrDefault(name => _contracts[name!].BaseTypeName is not null) is { } based ? $"'{based}' already derives from '{_contracts[based].BaseTypeName}'"
            : null;
        if (reason is not null)
        {
            _ignored.Add((declaration.Pointer, reason + ", so the variants cannot share a base class; the union reads as an object that keeps every member"));
            return false;
        }

        foreach (var name in names)
        {
            var variant = _contracts[name!];
            _contracts[name!] = variant with { BaseTypeName = declaration.RootName, HasAdditionalProperties = false };
        }

        return true;
    }

    private void Build(HierarchyDeclaration declaration)
    {
        var wireName = declaration.Discriminator.PropertyName ?? string.Empty;
        var root = _contracts[declaration.RootName];
        var members = new List<string> { root.Name };
        members.AddRange(DescendantsOf(root.Name));

        // A new discriminator property must not take the name of a member of a descendant, which would hide it.
        var descendantNames = members.Skip(1).SelectMany(name => _contracts[name].Properties).Where(property => property.WireName != wireName).Select(property => property.Name);
        var propertyName = WithDiscriminatorProperty(ref root, wireName, descendantNames);
        _contracts[root.Name] = root;

        // Descendants inherit the discriminator: a copy of their own would hide it.
        foreach (var name in members.Skip(1))
        {
            var contract = _contracts[name];
            _contracts[name] = contract with { Properties = contract.Properties.Where(property => property.WireName != wireName).ToEquatableArray() };
        }

        var values = ValuesOf(declaration, members);
        foreach (var name in members)
        {
            var contract = _contracts[name];
            var own = values.FirstOrDefault(pair => pair.TypeName == name)?.Value;
            var cases = values.Where(pair => pair.TypeName != name && Derives(_contracts, pair.TypeName, name)).ToEquatableArray();
            _contracts[name] = contract with
            {
                Discriminator = cases.Count > 0 ? new DiscriminatorModel(propertyName, wireName, cases) : null,
                DiscriminatorValue = new DiscriminatorValueModel(propertyName, own),
            };
        }
    }

    /// <summary>
    /// The root's discriminator property: the one it declares, made a string set by each class, or a new one, named
    /// unlike the members of the root and of its descendants (<paramref name="descendantNames"/>).
    /// </summary>
    private static string WithDiscriminatorProperty(ref ContractModel root, string wireName, IEnumerable<string> descendantNames)
    {
        var declared = root.Properties.FirstOrDefault(property => property.WireName == wireName);
        var taken = root.Properties.Select(property => property.Name).Concat(descendantNames).Concat(ReservedNames.ObjectMembers).Append(root.Name).Append(ReservedNames.AdditionalProperties);
        var discriminator = new PropertyModel(
            declared?.Name ?? new UniqueNameScope(taken.ToArray()).Claim(Identifiers.ToPascalCase(wireName)),
            wireName,
            TypeRef.String,
            declared?.Documentation,
            IsRequired: false,
            AllowsNull: false,
            LenientConverter: null,
            IsDiscriminator: true);
        var properties = declared is null
            ? new[] { discriminator }.Concat(root.Properties)
            : root.Properties.Select(property => property.WireName == wireName ? discriminator : property);
        root = root with { Properties = properties.ToEquatableArray() };
        return discriminator.Name;
    }

    /// <summary>Each value and its class: the mapping's entries first, then each class the mapping leaves out, by its schema's name.</summary>
    private List<DiscriminatorCase> ValuesOf(HierarchyDeclaration declaration, List<string> members)
    {
        var values = new List<DiscriminatorCase>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in declaration.Discriminator.Mapping)
        {
            if (entry.Value is not null && _contractOf(entry.Value) is { } name && members.Contains(name) && seen.Add(entry.Key))
            {
                values.Add(new DiscriminatorCase(entry.Key, name));
            }
            else
            {
                _ignored.Add((declaration.Pointer, $"the mapping's value '{entry.Key}' names no class of the hierarchy of '{declaration.RootName}', so it reads as '{declaration.RootName}'"));
            }
        }

        // A oneOf root is not one of its own variants, so it takes no implicit value.
        var implicitMembers = declaration.Variants is null ? members : members.Skip(1);
        foreach (var name in implicitMembers.Where(name => values.All(pair => pair.TypeName != name)).OrderBy(name => name, StringComparer.Ordinal))
        {
            if (_schemaNameOf(name) is { } schemaName && seen.Add(schemaName))
            {
                values.Add(new DiscriminatorCase(schemaName, name));
            }
        }

        return values;
    }

    private IEnumerable<string> DescendantsOf(string rootName) =>
        _contracts.Values
            .Where(contract => contract.Kind == ContractKind.Object && contract.Name != rootName && Derives(_contracts, contract.Name, rootName))
            .Select(contract => contract.Name)
            .OrderBy(name => name, StringComparer.Ordinal);

    /// <summary>Whether the class <paramref name="name"/> is <paramref name="ancestor"/> or derives from it.</summary>
    public static bool Derives(IReadOnlyDictionary<string, ContractModel> contracts, string name, string ancestor)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = name; current is not null && seen.Add(current) && contracts.TryGetValue(current, out var contract); current = contract.BaseTypeName)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
