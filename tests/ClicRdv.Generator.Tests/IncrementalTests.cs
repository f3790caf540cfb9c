using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ClicRdv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// The generator runs on every keystroke in the IDE: an edit that does not touch a document must re-run nothing, and an
/// edit to one document must regenerate that document only, whether it is written in JSON or in YAML.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps = { TrackingNames.Input, TrackingNames.Parse, TrackingNames.Model, TrackingNames.Diagnostics, TrackingNames.RefitProblem };

    [Theory]
    [InlineData("petstore.openapi.json")]
    [InlineData("petstore.openapi.yaml")]
    public void An_unrelated_csharp_edit_reruns_no_step(string document)
    {
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var first = GeneratorHarness.Run(Driver((document, Petstore(document))), compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", GeneratorHarness.ParseOptions));
        var second = GeneratorHarness.Run(first.Driver, edited);

        foreach (var step in TrackedSteps)
        {
            var reasons = Reasons(second.Result, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} ran with {reason}"));
        }

        Assert.All(second.Result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Theory]
    [InlineData("petstore.openapi.json")]
    [InlineData("petstore.openapi.yaml")]
    public void Editing_one_document_reparses_only_that_document(string document)
    {
        var petstoreText = Petstore(document);
        var petstore = new InMemoryAdditionalText(document, petstoreText);
        var constructs = new InMemoryAdditionalText("constructs.openapi.json", Fixtures.Read("constructs.openapi.json"));
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new AdditionalText[] { petstore, constructs }), compilation);

        var edited = first.Driver.ReplaceAdditionalText(petstore, new InMemoryAdditionalText(document, petstoreText.Replace("listPets", "listAllPets")));
        var second = GeneratorHarness.Run(edited, compilation);

        Assert.Equal(
            new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified },
            Reasons(second.Result, TrackingNames.Parse).OrderBy(reason => reason.ToString()));
        Assert.Contains("ListAllPets(", second.Source("petstore.Interfaces.g.cs"));
        Assert.DoesNotContain("ListPets(", second.Source("petstore.Interfaces.g.cs"));
        Assert.Equal(first.Source("constructs.Interfaces.g.cs"), second.Source("constructs.Interfaces.g.cs"));
    }

    [Fact]
    public void Equal_filter_options_rerun_nothing_and_a_changed_filter_reparses_the_document()
    {
        var document = new InMemoryAdditionalText("petstore.openapi.json", Fixtures.Read("corpus/swagger-petstore-v3.openapi.json"));
        static TestOptionsProvider Tags(string tags) => new(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer", ["build_property.ClicRdvIncludeTags"] = tags });
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new AdditionalText[] { document }, new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer", ["build_property.ClicRdvIncludeTags"] = "store" }), compilation);

        var same = GeneratorHarness.Run(first.Driver.WithUpdatedAnalyzerConfigOptions(Tags("store")), compilation);
        var changed = GeneratorHarness.Run(same.Driver.WithUpdatedAnalyzerConfigOptions(Tags("user")), compilation);

        Assert.All(Reasons(same.Result, TrackingNames.Parse), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"parse ran with {reason}"));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(changed.Result, TrackingNames.Parse));
        Assert.Contains("interface IStoreApi", first.Source("Interfaces.g.cs"));
        Assert.Contains("interface IUserApi", changed.Source("Interfaces.g.cs"));
        Assert.DoesNotContain("interface IStoreApi", changed.Source("Interfaces.g.cs"));
    }

    [Fact]
    public void Rerunning_with_equal_input_produces_equal_output()
    {
        var text = Fixtures.Read("constructs.openapi.json");
        var first = GeneratorHarness.Run("constructs.openapi.json", text);
        GeneratorRun second;
        using (GenerationCache.BypassOnThisThread())
        {
            // Computed again, not taken from the generator's cache of the first run.
            second = GeneratorHarness.Run("constructs.openapi.json", text);
        }

        Assert.Equal(
            first.Result.GeneratedSources.Select(source => (source.HintName, source.SourceText.ToString())),
            second.Result.GeneratedSources.Select(source => (source.HintName, source.SourceText.ToString())));
    }

    [Fact]
    public void The_model_holds_only_plain_data()
    {
        var run = GeneratorHarness.Run("constructs.openapi.json", Fixtures.Read("constructs.openapi.json"));
        var outputs = run.Result.TrackedSteps[TrackingNames.Parse].SelectMany(step => step.Outputs).Select(output => output.Value).ToList();

        Assert.NotEmpty(outputs);
        foreach (var output in outputs)
        {
            AssertPlainData(output.GetType(), new HashSet<System.Type>());
        }
    }

    /// <summary>The petstore fixture, written in YAML for a <c>.yaml</c> path.</summary>
    private static string Petstore(string path)
    {
        var json = Fixtures.Read("petstore.openapi.json");
        return path.EndsWith(".yaml", System.StringComparison.Ordinal) ? JsonToYaml.Convert(json) : json;
    }

    private static GeneratorDriver Driver(params (string Path, string Text)[] documents) =>
        GeneratorHarness.CreateDriver(documents.Select(document => (AdditionalText)new InMemoryAdditionalText(document.Path, document.Text)).ToList());

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs)
            ? runs.SelectMany(run => run.Outputs).Select(output => output.Reason).ToList()
            : new List<IncrementalStepRunReason>();

    /// <summary>Fails if a type reachable from the model is a Roslyn or NSwag object (which would defeat caching).</summary>
    private static void AssertPlainData(System.Type type, HashSet<System.Type> seen)
    {
        if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string))
        {
            return;
        }

        var assembly = type.Assembly.GetName().Name ?? string.Empty;
        Assert.False(assembly.StartsWith("NSwag", System.StringComparison.Ordinal) || assembly.StartsWith("NJsonSchema", System.StringComparison.Ordinal), $"{type} comes from {assembly}");
        Assert.False(typeof(ISymbol).IsAssignableFrom(type) || typeof(Compilation).IsAssignableFrom(type) || typeof(SyntaxNode).IsAssignableFrom(type), $"{type} is a Roslyn object");
        if (type == typeof(DiagnosticDescriptor) || type.Namespace == "Microsoft.CodeAnalysis.Text")
        {
            return;
        }

        foreach (var argument in type.GetGenericArguments())
        {
            AssertPlainData(argument, seen);
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertPlainData(field.FieldType.IsArray ? field.FieldType.GetElementType()! : field.FieldType, seen);
        }
    }
}
