using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ClicRdv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ClicRdv.Generator.Tests.PropertyBased;

/// <summary>
/// Loads the generated code and reads and writes JSON written by hand through the emitted metadata, as a client
/// does: each discriminator value reads as its class wherever the discriminator stands, an unknown or missing value
/// reads as the root, a value typed as the root writes the members and the discriminator of its class, each union
/// variant reads and writes back, and nothing the JSON carried is lost on the way.
/// </summary>
internal static class PolymorphismChecks
{
    /// <summary>No mapping lists it and no schema is named so (schema names have no spaces).</summary>
    private const string UnknownValue = "a value no mapping lists";

    public static void Check(GeneratorRun run, PolymorphicDocument document)
    {
        // The documents are well formed: every discriminator makes its hierarchy and every union is told apart.
        var unmade = run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id is "CRDV101" or "CRDV102").Select(diagnostic => diagnostic.ToString()).ToList();
        Assert.True(unmade.Count == 0, "A hierarchy or a union was not made:\n" + string.Join("\n", unmade));

        using var loaded = new LoadedCompilation(run.Compilation);
        var context = loaded.JsonContext();
        var types = TypesByMarker(run.Compilation, loaded.Assembly);

        foreach (var hierarchy in document.Hierarchies)
        {
            var spec = hierarchy.Spec;
            var rootType = types[hierarchy.Root.Marker];
            var rootInfo = context.GetTypeInfo(rootType)!;
            foreach (var expected in hierarchy.Classes)
            {
                var json = Sample(expected.Members, spec.PropertyName, expected.Value, spec.Position);
                AssertRoundTrip(json, rootInfo, types[expected.Marker], $"'{expected.Value}' read as {rootType.Name}");
            }

            // A member only a descendant has, sent with a value no mapping lists, is kept all the same.
            var descendantOnly = hierarchy.Classes.SelectMany(expected => expected.Members).Where(member => !hierarchy.Root.Members.Contains(member)).Take(1);
            var unknown = Sample(hierarchy.Root.Members.Concat(descendantOnly).ToList(), spec.PropertyName, UnknownValue, spec.Position);
            AssertRoundTrip(unknown, rootInfo, rootType, $"an unknown value read as {rootType.Name}");

            if (!spec.PropertyRequired)
            {
                var missing = Sample(hierarchy.Root.Members, null, null, spec.Position);
                var read = Read(missing, rootInfo);
                Assert.Equal(rootType, read.GetType());
                var written = Write(read, rootInfo);
                Assert.All(missing, member => Assert.True(JsonNode.DeepEquals(member.Value, written[member.Key]), $"{member.Key} was not written back as read without a discriminator: {written.ToJsonString()}"));
            }
        }

        foreach (var union in document.Unions)
        {
            var info = context.GetTypeInfo(types[union.Marker])!;
            foreach (var variant in union.Spec.Variants)
            {
                var json = VariantSample(variant);
                var written = JsonNode.Parse(JsonSerializer.Serialize(JsonSerializer.Deserialize(json.ToJsonString(), info), info));
                Assert.True(JsonNode.DeepEquals(json, written), $"The {variant.Kind} variant of {union.Spec.Name} was written back as {written?.ToJsonString()}, not {json.ToJsonString()}.");
            }
        }
    }

    /// <summary>Reads <paramref name="json"/> as the root, expects <paramref name="type"/>, and expects the same members back when written as the root.</summary>
    private static void AssertRoundTrip(JsonObject json, JsonTypeInfo rootInfo, Type type, string what)
    {
        var read = Read(json, rootInfo);
        Assert.True(read.GetType() == type, $"{what}: {json.ToJsonString()} was read as {read.GetType().Name}, not {type.Name}.");
        var written = Write(read, rootInfo);
        Assert.True(
            json.Select(member => member.Key).OrderBy(key => key, StringComparer.Ordinal).SequenceEqual(written.Select(member => member.Key).OrderBy(key => key, StringComparer.Ordinal))
            && json.All(member => JsonNode.DeepEquals(member.Value, written[member.Key])),
            $"{what}: {json.ToJsonString()} was written back as {written.ToJsonString()}.");
    }

    private static object Read(JsonObject json, JsonTypeInfo info) =>
        JsonSerializer.Deserialize(json.ToJsonString(), info) ?? throw new InvalidOperationException("An object was read as null.");

    private static JsonObject Write(object value, JsonTypeInfo info) => JsonNode.Parse(JsonSerializer.Serialize(value, info))!.AsObject();

    /// <summary>An object with a value for each member, and the discriminator (when given) at <paramref name="position"/>.</summary>
    private static JsonObject Sample(IReadOnlyList<MemberSpec> members, string? propertyName, string? value, int position)
    {
        var properties = members.Select(member => new KeyValuePair<string, JsonNode?>(member.Name, MemberValue(member.Kind))).ToList();
        if (propertyName is not null)
        {
            properties.Insert(PolymorphismRenderer.PositionIn(properties.Count, position), new(propertyName, JsonValue.Create(value)));
        }

        return new JsonObject(properties);
    }

    private static JsonNode MemberValue(MemberKind kind) => kind switch
    {
        MemberKind.String => JsonValue.Create("text é"),
        MemberKind.Integer => JsonValue.Create(42L),
        MemberKind.Number => JsonValue.Create(1.5),
        MemberKind.Boolean => JsonValue.Create(true),
        _ => JsonValue.Create("a value the enum does not list"), // open enums keep it
    };

    private static JsonNode VariantSample(VariantSpec variant) => variant.Kind switch
    {
        VariantKind.String => JsonValue.Create("text"),
        VariantKind.Integer => JsonValue.Create(7L),
        VariantKind.Boolean => JsonValue.Create(false),
        VariantKind.StringArray => new JsonArray("a", "b"),
        _ => new JsonObject { [variant.RequiredMember!] = "set" },
    };

    /// <summary>The runtime type of each generated type whose summary is a marker.</summary>
    private static Dictionary<string, Type> TypesByMarker(Compilation compilation, Assembly assembly)
    {
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees.Where(tree => tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                if (WireNameChecks.MarkerOf(declaration) is { } marker && model.GetDeclaredSymbol(declaration) is { } symbol)
                {
                    var name = symbol.ContainingNamespace.ToDisplayString() + "." + symbol.MetadataName;
                    types[marker] = assembly.GetType(name, throwOnError: true)!;
                }
            }
        }

        return types;
    }
}
