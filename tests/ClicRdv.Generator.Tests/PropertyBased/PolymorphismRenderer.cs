using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace ClicRdv.Generator.Tests.PropertyBased;

/// <summary>A class of a hierarchy as the JSON on the wire sees it.</summary>
/// <param name="Marker">The marker in its schema's description, which the generator copies into the class's summary.</param>
/// <param name="Members">Every member an object of this class carries, inherited and second parents' ones included, the discriminator left out.</param>
/// <param name="Value">The discriminator value that reads as this class.</param>
internal sealed record ExpectedClass(string Marker, IReadOnlyList<MemberSpec> Members, string Value);

/// <param name="Root">The root: an unknown or missing discriminator value reads as it.</param>
/// <param name="Classes">Every class a discriminator value selects.</param>
internal sealed record ExpectedHierarchy(HierarchySpec Spec, ExpectedClass Root, IReadOnlyList<ExpectedClass> Classes);

internal sealed record ExpectedUnion(string Marker, UnionSpec Spec);

internal sealed record PolymorphicDocument(PolymorphicDocumentSpec Spec, string Text, IReadOnlyList<ExpectedHierarchy> Hierarchies, IReadOnlyList<ExpectedUnion> Unions);

/// <summary>
/// Writes a <see cref="PolymorphicDocumentSpec"/> as OpenAPI JSON, with an operation that sends and answers each
/// hierarchy's root and each union, and says which class each discriminator value must read as.
/// </summary>
internal sealed class PolymorphismRenderer
{
    private const string SchemasPrefix = "#/components/schemas/";
    private readonly JsonObject _schemas = new();
    private readonly Dictionary<string, IReadOnlyList<MemberSpec>> _mixins;
    private int _markers;

    private PolymorphismRenderer(PolymorphicDocumentSpec spec)
    {
        _mixins = spec.Mixins.ToDictionary(mixin => mixin.Name, mixin => mixin.Members);
    }

    public static PolymorphicDocument Render(PolymorphicDocumentSpec spec)
    {
        var renderer = new PolymorphismRenderer(spec);
        foreach (var mixin in spec.Mixins)
        {
            renderer._schemas[mixin.Name] = ObjectOf(mixin.Members, null, 0);
        }

        var hierarchies = spec.Hierarchies.Select(renderer.Hierarchy).ToList();
        var unions = spec.Unions.Select(renderer.Union).ToList();
        var roots = spec.Hierarchies.Select(hierarchy => hierarchy.Root.Name).Concat(spec.Unions.Select(union => union.Name));
        var paths = new JsonObject();
        foreach (var (root, index) in roots.Select((root, index) => (root, index)))
        {
            paths["/echo" + index.ToString(CultureInfo.InvariantCulture)] = Echo(root);
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Polymorphism", ["version"] = "1.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = renderer._schemas },
        };
        return new PolymorphicDocument(spec, JsonText.Write(document), hierarchies, unions);
    }

    private ExpectedHierarchy Hierarchy(HierarchySpec hierarchy)
    {
        var members = new Dictionary<string, IReadOnlyList<MemberSpec>>();
        var expected = new List<ExpectedClass>();
        ExpectedClass? root = null;
        foreach (var spec in hierarchy.Classes)
        {
            var marker = NextMarker();
            var isRoot = spec == hierarchy.Root;
            var inherited = spec.Parent is null ? new List<MemberSpec>() : members[spec.Parent].ToList();
            if (spec.Mixin is not null)
            {
                inherited.AddRange(_mixins[spec.Mixin]);
            }

            var all = inherited.Concat(spec.Members).ToList();
            members[spec.Name] = all;
            var schema = isRoot && hierarchy.OneOfRoot ? OneOfRoot(hierarchy)
                : spec.Parent is null ? ObjectOf(spec.Members, hierarchy, hierarchy.Position)
                : AllOf(spec);
            schema["description"] = marker;
            if (isRoot)
            {
                schema["discriminator"] = Discriminator(hierarchy);
            }

            _schemas[spec.Name] = schema;
            var value = new ExpectedClass(marker, all, spec.Value ?? spec.Name);
            if (isRoot)
            {
                root = value;
            }

            // A oneOf root is not one of its own variants: its schema name selects nothing.
            if (!isRoot || !hierarchy.OneOfRoot)
            {
                expected.Add(value);
            }
        }

        return new ExpectedHierarchy(hierarchy, root!, expected);
    }

    private ExpectedUnion Union(UnionSpec union)
    {
        var marker = NextMarker();
        var variants = new JsonArray();
        foreach (var variant in union.Variants)
        {
            variants.Add(variant.Kind switch
            {
                VariantKind.String => new JsonObject { ["type"] = "string" },
                VariantKind.Integer => new JsonObject { ["type"] = "integer", ["format"] = "int64" },
                VariantKind.Boolean => new JsonObject { ["type"] = "boolean" },
                VariantKind.StringArray => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                _ => Reference(variant.Component!),
            });
            if (variant.Kind == VariantKind.Object)
            {
                _schemas[variant.Component!] = ObjectOf(new[] { new MemberSpec(variant.RequiredMember!, MemberKind.String, System.Array.Empty<string>(), true) }, null, 0);
            }
        }

        _schemas[union.Name] = new JsonObject { ["description"] = marker, [union.AnyOf ? "anyOf" : "oneOf"] = variants };
        return new ExpectedUnion(marker, union);
    }

    /// <summary>An object with <paramref name="members"/>, and the discriminator of <paramref name="hierarchy"/> at <paramref name="position"/> if given.</summary>
    private static JsonObject ObjectOf(IReadOnlyList<MemberSpec> members, HierarchySpec? hierarchy, int position)
    {
        var properties = members.Select(member => (member.Name, Schema: MemberSchema(member), member.Required)).ToList();
        if (hierarchy is not null)
        {
            properties.Insert(PositionIn(properties.Count, position), (hierarchy.PropertyName, new JsonObject { ["type"] = "string" }, hierarchy.PropertyRequired));
        }

        var result = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject(properties.Select(property => new KeyValuePair<string, JsonNode?>(property.Name, property.Schema))) };
        var required = properties.Where(property => property.Required).Select(property => (JsonNode?)JsonValue.Create(property.Name)).ToArray();
        if (required.Length > 0)
        {
            result["required"] = new JsonArray(required);
        }

        return result;
    }

    /// <summary>Where an item at <paramref name="position"/> (0 first, 1 in the middle, 2 last) goes among <paramref name="count"/> others.</summary>
    public static int PositionIn(int count, int position) => position switch
    {
        0 => 0,
        1 => count / 2,
        _ => count,
    };

    private static JsonObject MemberSchema(MemberSpec member) => member.Kind switch
    {
        MemberKind.String => new JsonObject { ["type"] = "string" },
        MemberKind.Integer => new JsonObject { ["type"] = "integer", ["format"] = "int64" },
        MemberKind.Number => new JsonObject { ["type"] = "number", ["format"] = "double" },
        MemberKind.Boolean => new JsonObject { ["type"] = "boolean" },
        _ => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(member.EnumValues.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray()) },
    };

    /// <summary>A class that extends its parent: <c>allOf</c> of the parent, the second parent if any, and its own members if any.</summary>
    private static JsonObject AllOf(ClassSpec spec)
    {
        var parts = new JsonArray(Reference(spec.Parent!));
        if (spec.Mixin is not null)
        {
            parts.Add(Reference(spec.Mixin));
        }

        if (spec.Members.Count > 0)
        {
            parts.Add(ObjectOf(spec.Members, null, 0));
        }

        return new JsonObject { ["allOf"] = parts };
    }

    /// <summary>The root of a oneOf hierarchy: its variants, which declare the discriminator themselves.</summary>
    private static JsonObject OneOfRoot(HierarchySpec hierarchy) =>
        new JsonObject { ["oneOf"] = new JsonArray(hierarchy.Classes.Skip(1).Select(variant => (JsonNode?)Reference(variant.Name)).ToArray()) };

    private static JsonObject Discriminator(HierarchySpec hierarchy)
    {
        var result = new JsonObject { ["propertyName"] = hierarchy.PropertyName };
        var listed = hierarchy.Classes.Where(spec => spec.Value is not null).ToList();
        if (listed.Count > 0)
        {
            result["mapping"] = new JsonObject(listed.Select(spec => new KeyValuePair<string, JsonNode?>(
                spec.Value!,
                hierarchy.Mapping == MappingStyle.BareNames ? spec.Name : SchemasPrefix + spec.Name)));
        }

        return result;
    }

    private static JsonObject Echo(string schema) => new()
    {
        ["post"] = new JsonObject
        {
            ["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Content(schema) },
            ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "The same", ["content"] = Content(schema) } },
        },
    };

    private static JsonObject Content(string schema) => new() { ["application/json"] = new JsonObject { ["schema"] = Reference(schema) } };

    private static JsonObject Reference(string component) => new() { ["$ref"] = SchemasPrefix + component };

    private string NextMarker() => "S" + (++_markers).ToString(CultureInfo.InvariantCulture);
}
