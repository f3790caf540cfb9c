using System.Linq;
using ClicRdv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// Kiota's test documents for hierarchies, enums and defaults (Fixtures/peers, licences in LICENSES.md there, converted
/// from YAML): each generates code that compiles cleanly, and each construct becomes what the README says.
/// </summary>
public sealed class PeerDocumentTests
{
    public static TheoryData<string> Documents => new()
    {
        "kiota-discriminator-sample", "kiota-model-with-derived-types", "kiota-enum-handling", "kiota-flags-enum-handling", "kiota-model-with-default-values",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_peer_document_generates_code_that_compiles_cleanly_with_no_warning(string document)
    {
        var run = Run(document);

        Assert.Empty(run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Severity != DiagnosticSeverity.Info).Select(diagnostic => diagnostic.ToString()));
        Assert.Equal(4, run.DocumentSources.Count);
        Assert.Empty(run.CompilationProblems.Take(5).Select(problem => problem.ToString()));
    }

    [Fact]
    public void The_discriminator_sample_is_a_hierarchy_and_its_operation_takes_and_returns_the_base_class()
    {
        var run = Run("kiota-discriminator-sample");

        Assert.Contains("public partial class Component1 : Component", run.Source("Contracts.g.cs"));
        Assert.Contains("Task<Component> PostDiscriminateme([global::Refit.Body] Component? body", run.Source("Interfaces.g.cs"));
    }

    [Fact]
    public void The_derived_fruits_derive_from_fruit_and_every_fruit_answer_reads_by_its_discriminator()
    {
        var run = Run("kiota-model-with-derived-types");

        Assert.Contains("public partial class Apple : Fruit", run.Source("Contracts.g.cs"));
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(run.Source("Interfaces.g.cs"), @"Task<Fruit> Get").Count);
        Assert.Contains("(\"apple\", typeof(Apple)), (\"orange\", typeof(Orange))", run.Source(".Json.g.cs"));
    }

    [Fact]
    public void Kiotas_enums_are_open_and_its_flags_a_flags_enum()
    {
        Assert.Contains("readonly partial struct", Run("kiota-enum-handling").Source("Contracts.g.cs"));
        Assert.Contains("[global::System.Flags]", Run("kiota-flags-enum-handling").Source("Contracts.g.cs"));
    }

    private static GeneratorRun Run(string document) =>
        GeneratorHarness.Run($"/peers/{document}.openapi.json", Fixtures.Read($"peers/{document}.openapi.json"));
}
