using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ClicRdv.Generator.Tests.Infrastructure;
using ClicRdv.Generator.Tests.Reference;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// The emitted metadata against the System.Text.Json source generator's own, on the same generated contracts: the
/// SDK's generator is run on the output of this one with a <c>[JsonSerializable]</c> for every type the emitted context
/// covers, the result is compiled and loaded, and both contexts must describe each type alike (kind, members in order,
/// names, types, member converters, extension data) and write the same bytes for a value with every member set and
/// for an empty one, under two sets of options. Only converters in the options may differ, by design: the document's
/// enums and date formats ignore them (see WireFormatTests in the integration tests), and a class with descendants is
/// read by its discriminator (see PolymorphismTests there), and a union, which the source generator cannot describe, is
/// left to UnionTests there. A readOnly member is never
/// written: the generated contracts cannot say so to the reference (the attribute that does,
/// <c>[JsonIgnore(Condition = JsonIgnoreCondition.WhenWriting)]</c>, is .NET 10's, and they compile for .NET 8), so the
/// reference is given it on each member the emitted metadata marks <c>readOnly: true</c>.
/// </summary>
public sealed class JsonMetadataReferenceTests
{
    public static TheoryData<string> Documents => new() { "petstore", "constructs", "hostile-names", "clicrdv.v1", "wire", "shapes", "corpus/swagger-petstore-v3", "corpus/outline" };

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_emitted_metadata_matches_the_System_Text_Json_source_generators_for_every_type(string document)
    {
        using var loaded = BuildWithReferenceContext(document + ".openapi.json");
        var assembly = loaded.Assembly;
        var types = CoveredTypes(assembly);
        Assert.NotEmpty(types);
        foreach (var options in new[] { new JsonSerializerOptions(), new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString } })
        {
            var ours = (JsonSerializerContext)Activator.CreateInstance(assembly.GetType("Consumer.ApiJsonContext")!, new JsonSerializerOptions(options))!;
            var reference = (JsonSerializerContext)Activator.CreateInstance(assembly.GetType("Reference.ReferenceContext")!, new JsonSerializerOptions(options))!;
            foreach (var type in types.Where(type => type != typeof(DateTime) && type != typeof(DateTime?)))
            {
                // A union has no counterpart in the source generator (it would write the class's properties):
                // the integration tests' UnionTests check its wire format.
                if (IsUnion(ours.GetTypeInfo(type)!))
                {
                    continue;
                }

                // (The document's date-time format applies to every DateTime; the reference uses ISO 8601 for a bare one.)
                AssertSameMetadata(ours.GetTypeInfo(type)!, reference.GetTypeInfo(type)!);
                foreach (var value in new[] { SampleValues.For(type), type.IsValueType ? null : Empty(type) })
                {
                    if (value is not null)
                    {
                        AssertSameBytes(value, ours.GetTypeInfo(type)!, reference.GetTypeInfo(type)!);
                    }
                }
            }
        }
    }

    /// <summary>Both write the same bytes (or fail alike: an unset JsonElement cannot be written), and read them back alike (or refuse alike: a required member missing).</summary>
    private static void AssertSameBytes(object value, JsonTypeInfo ours, JsonTypeInfo reference)
    {
        string expected;
        try
        {
            expected = JsonSerializer.Serialize(value, reference);
        }
        catch (InvalidOperationException failure)
        {
            Assert.Equal(failure.GetType(), Assert.ThrowsAny<Exception>(() => JsonSerializer.Serialize(value, ours)).GetType());
            return;
        }

        Assert.Equal(expected, JsonSerializer.Serialize(value, ours));

        // An empty contract lacks its required members: both must then refuse to read it back, alike.
        var referenceRefusal = Record.Exception(() => JsonSerializer.Deserialize(expected, reference));
        object? read = null;
        var ourRefusal = Record.Exception(() => read = JsonSerializer.Deserialize(expected, ours));
        Assert.Equal(referenceRefusal?.GetType(), ourRefusal?.GetType());
        Assert.Equal(referenceRefusal?.Message, ourRefusal?.Message);
        if (ourRefusal is null)
        {
            Assert.Equal(expected, JsonSerializer.Serialize(read, reference));
        }
    }

    private static bool IsUnion(JsonTypeInfo typeInfo) => typeInfo.Converter.GetType().Name.StartsWith("UnionConverter", StringComparison.Ordinal);

    private static object? Empty(Type type) =>
        type.GetConstructor(Type.EmptyTypes) is { } constructor && !type.IsAbstract ? constructor.Invoke(null) : null;

    private static void AssertSameMetadata(JsonTypeInfo ours, JsonTypeInfo reference)
    {
        var what = ours.Type.ToString();

        // A class with descendants is read through its discriminator, by design: the source generator, without
        // [JsonPolymorphic], reads it as a plain object. Its bytes are compared all the same.
        if (ours.Converter.GetType().Name.StartsWith("DiscriminatorConverter", StringComparison.Ordinal))
        {
            Assert.Equal(JsonTypeInfoKind.Object, reference.Kind);
            return;
        }

        Assert.Equal(reference.Kind, ours.Kind);
        if (reference.Kind == JsonTypeInfoKind.None)
        {
            // A value's converter is its format; objects and collections differ only in the reference's fast-path wrapper.
            Assert.Equal(reference.Converter.GetType(), ours.Converter.GetType());
        }

        Assert.Equal(Describe(reference.Properties), Describe(ours.Properties));
        Assert.True(reference.CreateObject is null == ours.CreateObject is null, $"{what}: only one of the two can create an instance.");
    }

    private static List<string> Describe(IEnumerable<JsonPropertyInfo> properties) => properties
        // The extension data's JSON name is never written: ours is kept apart from the members' names, whatever their case.
        .Select(property => $"{(property.IsExtensionData ? "(extension data)" : property.Name)}: {property.PropertyType} (declared by {property.DeclaringType.Name}, extension data {property.IsExtensionData}, converter {property.CustomConverter?.GetType().Name ?? "none"}, get {property.Get is not null}, set {property.Set is not null}, required {property.IsRequired})")
        .ToList();

    /// <summary>Every type the emitted context lists (the <c>typeof</c>s of its resolver), from the compiled assembly.</summary>
    private static List<Type> CoveredTypes(Assembly assembly)
    {
        var context = assembly.GetType("Consumer.ApiJsonContext")!;
        return context.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
            .Select(property => property.PropertyType.GetGenericArguments()[0])
            .ToList();
    }

    /// <summary>
    /// Runs this generator, then the System.Text.Json source generator on its output with a context that lists every
    /// type the emitted context covers, compiles the whole and loads it.
    /// </summary>
    private static LoadedCompilation BuildWithReferenceContext(string fixture)
    {
        var run = GeneratorHarness.Run(fixture, Fixtures.Read(fixture));
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));

        var jsonTree = run.Compilation.SyntaxTrees.Single(tree => tree.FilePath.EndsWith(".Json.g.cs", StringComparison.Ordinal));
        var model = run.Compilation.GetSemanticModel(jsonTree);
        var typeOfs = jsonTree.GetRoot().DescendantNodes().OfType<ExplicitInterfaceSpecifierSyntax>()
            .Select(specifier => specifier.Parent!)
            .SelectMany(resolver => resolver.DescendantNodes().OfType<TypeOfExpressionSyntax>())
            .Select(typeOf => model.GetTypeInfo(typeOf.Type).Type!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .ToList();
        var referenceContext =
            "#nullable disable\nnamespace Reference;\n" +
            // Generated types are named apart so that no document name clashes with another; framework types keep the
            // names the generator's own converters are found by.
            string.Concat(typeOfs.Select((type, index) => type.Contains("global::Consumer.", StringComparison.Ordinal)
                ? $"[global::System.Text.Json.Serialization.JsonSerializable(typeof({type}), TypeInfoPropertyName = \"T{index}\")]\n"
                : $"[global::System.Text.Json.Serialization.JsonSerializable(typeof({type}))]\n")) +
            "internal partial class ReferenceContext : global::System.Text.Json.Serialization.JsonSerializerContext { }\n";
        var withContext = WithReadOnlyMembersIgnoredWhenWriting(run.Compilation, jsonTree)
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(referenceContext, GeneratorHarness.ParseOptions));
        CSharpGeneratorDriver.Create(new[] { SystemTextJsonGenerator.Generator }, parseOptions: GeneratorHarness.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(withContext, out var complete, out var diagnostics);
        Assert.Empty(diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(diagnostic => diagnostic.ToString()));

        return new LoadedCompilation(complete, fixture);
    }

    /// <summary>
    /// The compilation with each property the emitted metadata marks <c>readOnly: true</c> (the calls
    /// <c>__Support.Property&lt;Declaring, T&gt;(o, "Name", ..., readOnly: true)</c>) carrying
    /// <c>[JsonIgnore(Condition = JsonIgnoreCondition.WhenWriting)]</c> instead of any other JsonIgnore.
    /// </summary>
    private static Compilation WithReadOnlyMembersIgnoredWhenWriting(Compilation compilation, SyntaxTree json)
    {
        var readOnly = json.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(call => call.ArgumentList.Arguments.Any(argument => argument.NameColon?.Name.Identifier.Text == "readOnly" && argument.Expression.IsKind(SyntaxKind.TrueLiteralExpression)))
            .Select(call => (
                Declaring: ((GenericNameSyntax)((MemberAccessExpressionSyntax)call.Expression).Name).TypeArgumentList.Arguments[0].ToString(),
                Name: ((LiteralExpressionSyntax)call.ArgumentList.Arguments[1].Expression).Token.ValueText))
            .ToHashSet();
        if (readOnly.Count == 0)
        {
            return compilation;
        }

        var contracts = compilation.SyntaxTrees.Single(tree => tree.FilePath.EndsWith(".Contracts.g.cs", StringComparison.Ordinal));
        var rewriter = new IgnoreWhenWriting(readOnly);
        var rewritten = contracts.WithRootAndOptions(rewriter.Visit(contracts.GetRoot()), contracts.Options);
        Assert.Equal(readOnly.Count, rewriter.Rewritten);
        return compilation.ReplaceSyntaxTree(contracts, rewritten);
    }

    private sealed class IgnoreWhenWriting(HashSet<(string Declaring, string Name)> members) : CSharpSyntaxRewriter
    {
        private static readonly AttributeListSyntax Attribute = SyntaxFactory.ParseCompilationUnit(
                "[global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWriting)] int x;")
            .DescendantNodes().OfType<AttributeListSyntax>().Single();

        public int Rewritten { get; private set; }

        public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
        {
            if (node.Parent is not ClassDeclarationSyntax owner || !members.Contains((owner.Identifier.Text, node.Identifier.Text)))
            {
                return node;
            }

            Rewritten++;
            var kept = node.AttributeLists.Where(list => !list.Attributes.Any(attribute => attribute.Name.ToString().EndsWith("JsonIgnore", StringComparison.Ordinal)));
            return node.WithAttributeLists(SyntaxFactory.List(kept.Append(Attribute)));
        }
    }
}
