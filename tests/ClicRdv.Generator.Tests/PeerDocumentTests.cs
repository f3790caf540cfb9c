using System.Linq;
using ClicRdv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// Kiota's test documents for hierarchies, enums and defaults, and OpenAPI 3.1 documents of Kiota and Refitter
/// (Fixtures/peers, licences in LICENSES.md there; most of Kiota's converted from YAML, the others as their projects
/// wrote them): each generates code that compiles cleanly, and each construct becomes what the README says.
/// </summary>
public sealed class PeerDocumentTests
{
    public static TheoryData<string> Documents => new()
    {
        "kiota-discriminator-sample.openapi.json", "kiota-model-with-derived-types.openapi.json", "kiota-enum-handling.openapi.json",
        "kiota-flags-enum-handling.openapi.json", "kiota-model-with-default-values.openapi.json",
        "kiota-model-with-derived-types.openapi.yaml", "kiota-model-with-dictionary.openapi.yaml",
        "kiota-simple-model-openapi3_1.openapi.yaml", "refitter-v3.1-non-oauth-scopes.openapi.json", "refitter-v3.1-webhook-example.openapi.yaml",
        "refitter-v3.1-lmstudio.openapi.json",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_peer_document_generates_code_that_compiles_cleanly_with_no_warning(string document)
    {
        var run = Run(document);

        Assert.Empty(run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Severity != DiagnosticSeverity.Info).Select(diagnostic => diagnostic.ToString()));
        Assert.Equal(4, run.SourcesBesideServers.Count);
        Assert.Empty(run.CompilationProblems.Take(5).Select(problem => problem.ToString()));
    }

    [Fact]
    public void Kiotas_own_yaml_generates_the_same_bytes_as_its_conversion_to_json_by_another_yaml_reader()
    {
        var fromYaml = Run("kiota-model-with-derived-types.openapi.yaml");
        var fromJson = Run("kiota-model-with-derived-types.openapi.json");

        Assert.Equal(fromJson.DocumentTexts, fromYaml.DocumentTexts);
    }

    [Fact]
    public void Kiotas_dictionary_model_in_yaml_is_read_with_its_unquoted_status_key()
    {
        var run = Run("kiota-model-with-dictionary.openapi.yaml");

        // The answer is declared under `200:`, a YAML integer as a value but a string as a key, as JSON needs it.
        Assert.Contains("Task<Resource> GetResource(", run.Source("Interfaces.g.cs"));
        Assert.Contains("Dictionary<string, global::System.Text.Json.JsonElement>? CustomSettings { get; set; }", run.Source("Contracts.g.cs"));
    }

    [Fact]
    public void The_discriminator_sample_is_a_hierarchy_and_its_operation_takes_and_returns_the_base_class()
    {
        var run = Run("kiota-discriminator-sample.openapi.json");

        Assert.Contains("public partial class Component1 : Component", run.Source("Contracts.g.cs"));
        Assert.Contains("Task<Component> PostDiscriminateme([global::Refit.Body] Component? body", run.Source("Interfaces.g.cs"));
    }

    [Fact]
    public void The_derived_fruits_derive_from_fruit_and_every_fruit_answer_reads_by_its_discriminator()
    {
        var run = Run("kiota-model-with-derived-types.openapi.json");

        Assert.Contains("public partial class Apple : Fruit", run.Source("Contracts.g.cs"));
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(run.Source("Interfaces.g.cs"), @"Task<Fruit> Get").Count);
        Assert.Contains("(\"apple\", typeof(Apple)), (\"orange\", typeof(Orange))", run.Source(".Json.g.cs"));
    }

    [Fact]
    public void Kiotas_enums_are_open_and_its_flags_a_flags_enum()
    {
        Assert.Contains("readonly partial struct", Run("kiota-enum-handling.openapi.json").Source("Contracts.g.cs"));
        Assert.Contains("[global::System.Flags]", Run("kiota-flags-enum-handling.openapi.json").Source("Contracts.g.cs"));
    }

    private static GeneratorRun Run(string document) =>
        GeneratorHarness.Run($"/peers/{document}", Fixtures.Read($"peers/{document}"));
}
