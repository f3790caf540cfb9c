using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Naming;
using NJsonSchema;

namespace ClicRdv.Generator.Parsing;

/// <summary>A member of a class, as the schemas give it: its wire name, schema, whether required, and its C# name.</summary>
internal readonly record struct ClassMember(string WireName, JsonSchema Schema, bool IsRequired, string Name);

/// <summary>
/// The base class and the members of a class made for an object schema, worked out from the schemas alone.
/// </summary>
/// <param name="BaseSchema">The <c>allOf</c> part that is the base class, or null.</param>
/// <param name="OwnMembers">The members the class declares (not those of its base classes), in document order.</param>
/// <param name="AllNames">The C# names of every member of the class, its base classes' included.</param>
internal sealed record ClassLayout(JsonSchema? BaseSchema, bool HasAdditionalProperties, IReadOnlyList<ClassMember> OwnMembers, IReadOnlyCollection<string> AllNames);

/// <summary>
/// Which <c>allOf</c> parent is a class's base, and what its members are called. Both come from the schemas, never
/// from classes already mapped, so they do not depend on the order of mapping: a class mapped while its base is still
/// being mapped (the base has a member of the subclass's type) gets the same base and names as one mapped after it.
/// </summary>
internal sealed class ClassLayouts
{
    private readonly Func<JsonSchema, string?> _componentName;
    private readonly Func<JsonSchema, bool> _canBeBase;
    private readonly Dictionary<JsonSchema, ClassLayout> _components = new(ReferenceEqualityComparer<JsonSchema>.Instance);

    /// <param name="componentName">The class name of a component schema (dereferenced), or null for an inline one.</param>
    /// <param name="canBeBase">Whether a dereferenced <c>allOf</c> part may be a base class (a named object).</param>
    public ClassLayouts(Func<JsonSchema, string?> componentName, Func<JsonSchema, bool> canBeBase)
    {
        _componentName = componentName;
        _canBeBase = canBeBase;
    }

    /// <summary>The layout of the class <paramref name="className"/> made for <paramref name="target"/> (dereferenced).</summary>
    public ClassLayout Of(JsonSchema target, string className)
    {
        if (_components.TryGetValue(target, out var known))
        {
            return known;
        }

        var layout = Build(target, className);
        if (_componentName(target) is not null)
        {
            _components[target] = layout;
        }

        return layout;
    }

    private ClassLayout Build(JsonSchema target, string className)
    {
        var baseSchema = BaseOf(target);
        var baseTarget = baseSchema is null ? null : SchemaMapper.Dereference(baseSchema);
        var baseLayout = baseTarget is null ? null : Of(baseTarget, _componentName(baseTarget)!);
        var inherited = baseTarget is null ? new HashSet<string>(StringComparer.Ordinal) : ObjectMembers.AllWireNames(baseTarget);

        var scope = new UniqueNameScope(ReservedNames.ObjectMembers.Concat(new[] { className }).ToArray());
        var hasAdditionalProperties = baseSchema is null && target.AllowAdditionalProperties;
        var allNames = new List<string>(baseLayout?.AllNames ?? Array.Empty<string>());
        if (hasAdditionalProperties)
        {
            allNames.Add(ReservedNames.AdditionalProperties);
        }

        foreach (var name in allNames)
        {
            scope.Reserve(name);
        }

        var own = ObjectMembers.Collect(target, requiredByParent: null, skip: baseSchema)
            .Where(property => !inherited.Contains(property.Key))
            .Select(property => new ClassMember(property.Key, property.Value.Schema, property.Value.IsRequired, scope.Claim(Identifiers.ToPascalCase(property.Key))))
            .ToList();
        allNames.AddRange(own.Select(member => member.Name));
        return new ClassLayout(baseSchema, hasAdditionalProperties, own, allNames);
    }

    /// <summary>
    /// The first <c>allOf</c> part that may be a base class, unless following first parents from it comes back to
    /// <paramref name="target"/>: in a loop of parents (<c>A: allOf [B]</c>, <c>B: allOf [A]</c>) no class has a base, as
    /// none can be its own ancestor, and each takes the others' members instead.
    /// </summary>
    private JsonSchema? BaseOf(JsonSchema target)
    {
        var parent = FirstParent(target);
        var seen = new HashSet<JsonSchema>(ReferenceEqualityComparer<JsonSchema>.Instance);
        for (var current = parent; current is not null; current = FirstParent(SchemaMapper.Dereference(current)))
        {
            var resolved = SchemaMapper.Dereference(current);
            if (ReferenceEquals(resolved, target))
            {
                return null;
            }

            if (!seen.Add(resolved))
            {
                break;
            }
        }

        return parent;
    }

    private JsonSchema? FirstParent(JsonSchema schema) =>
        schema.AllOf.FirstOrDefault(part => part is not null && _canBeBase(SchemaMapper.Dereference(part)));
}
