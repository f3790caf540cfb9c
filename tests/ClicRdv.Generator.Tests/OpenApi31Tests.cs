using System.Linq;
using ClicRdv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// OpenAPI 3.1 (Fixtures/openapi31, and the 3.1 documents of Kiota and Refitter in Fixtures/peers): each construct the
/// README lists reads as it says, what NSwag.Core cannot read is rewritten or named, and webhooks, callbacks and a
/// missing info.version are reported where they are written.
/// </summary>
public sealed class OpenApi31Tests
{
    [Fact]
    public void The_constructs_document_generates_code_that_compiles_cleanly()
    {
        var run = Run("openapi31/constructs.openapi.json");

        Assert.Empty(run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Severity != DiagnosticSeverity.Info).Select(diagnostic => diagnostic.ToString()));
        Assert.Equal(4, run.DocumentSources.Count);
        Assert.Empty(run.CompilationProblems.Take(5).Select(problem => problem.ToString()));
    }

    [Fact]
    public void An_operation_without_responses_is_a_method_whose_answer_has_no_content()
    {
        var interfaces = Run("openapi31/constructs.openapi.json").Source("Interfaces.g.cs");

        Assert.Contains("global::System.Threading.Tasks.Task DeletePet(long id, global::System.Threading.CancellationToken cancellationToken = default);", interfaces);
    }

    [Fact]
    public void Refitters_operation_without_responses_is_read_where_it_was_CRDV004()
    {
        var run = Run("peers/refitter-v3.1-non-oauth-scopes.openapi.json");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("Task GetUsers(", run.Source("Interfaces.g.cs"));
    }

    [Fact]
    public void A_type_array_with_null_generates_the_same_bytes_as_nullable_true()
    {
        // One path for both, so that the hint names and the namespace are the same too.
        var from30 = GeneratorHarness.Run("/openapi31/nullable.openapi.json", Fixtures.Read("openapi31/nullable30.openapi.json"));
        var from31 = GeneratorHarness.Run("/openapi31/nullable.openapi.json", Fixtures.Read("openapi31/nullable31.openapi.json"));

        Assert.Empty(from31.GeneratorDiagnostics);
        Assert.Contains("public string? Name { get; set; }", from31.Source("Contracts.g.cs"));
        Assert.Contains("public global::System.Collections.Generic.List<string?>? Aliases { get; set; }", from31.Source("Contracts.g.cs"));
        Assert.Equal(from30.DocumentTexts, from31.DocumentTexts);
    }

    [Fact]
    public void A_const_is_a_member_of_its_values_type_that_starts_with_it_and_says_so()
    {
        var contracts = Run("openapi31/constructs.openapi.json").Source("Contracts.g.cs");

        Assert.Contains("/// <value>Always \"pet\", the document's const: a new object starts with it, and no other value is valid.</value>", contracts);
        Assert.Contains("public string Kind { get; set; } = \"pet\";", contracts);
        Assert.Contains("public int? Version { get; set; } = 2;", contracts);
    }

    [Fact]
    public void Examples_boolean_schemas_and_json_schema_keywords_are_read()
    {
        var contracts = Run("openapi31/constructs.openapi.json").Source("Contracts.g.cs");

        Assert.Contains("public long Id { get; set; }", contracts);
        Assert.Contains("public global::System.Text.Json.JsonElement? Anything { get; set; }", contracts);
        Assert.Contains("public global::System.Collections.Generic.List<string>? Tags { get; set; }", contracts);
    }

    [Fact]
    public void A_dynamic_reference_one_component_schema_binds_is_a_reference_to_it()
    {
        var contracts = Run("openapi31/constructs.openapi.json").Source("Contracts.g.cs");

        Assert.Contains("public Pet? Parent { get; set; }", contracts);
    }

    [Fact]
    public void Webhooks_and_callbacks_are_each_an_info_at_their_name_and_their_component_payloads_are_contracts()
    {
        var run = Run("openapi31/constructs.openapi.json");

        var reported = run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == "CRDV103")
            .Select(diagnostic => (Line: diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, Message: diagnostic.GetMessage()))
            .OrderBy(diagnostic => diagnostic.Line)
            .ToList();
        Assert.Equal(new[] { 24, 43, 49 }, reported.Select(diagnostic => diagnostic.Line));
        Assert.StartsWith("The callback 'petAdopted' of POST /pets in '/openapi31/constructs.openapi.json' is a request the API makes", reported[0].Message);
        Assert.EndsWith("the component schemas it uses are generated as contracts", reported[0].Message);
        Assert.StartsWith("The webhook 'petListed'", reported[1].Message);
        Assert.EndsWith("its inline schemas get no contract (declare them under components/schemas to get one)", reported[2].Message);
        Assert.All(run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == "CRDV103"), diagnostic => Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity));
        Assert.Contains("public partial class Adoption", run.Source("Contracts.g.cs"));
        Assert.DoesNotContain("PetAdopted", run.Source("Interfaces.g.cs"));
        Assert.DoesNotContain("PetListed", run.Source("Interfaces.g.cs"));
    }

    [Fact]
    public void A_webhook_only_document_in_yaml_generates_its_contracts_no_interface_and_says_so_at_the_webhook()
    {
        var run = Run("peers/refitter-v3.1-webhook-example.openapi.yaml");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV103", diagnostic.Id);
        Assert.Equal(8, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("The webhook 'newPet'", diagnostic.GetMessage());
        Assert.Contains("public partial class Pet", run.Source("Contracts.g.cs"));
        Assert.DoesNotContain("interface", run.Source("Interfaces.g.cs"));
        Assert.Empty(run.CompilationProblems.Take(5).Select(problem => problem.ToString()));
    }

    [Fact]
    public void A_document_without_info_version_is_a_warning_at_info_that_names_the_version_assumed()
    {
        var run = Run("openapi31/no-version.openapi.json");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV104", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("has no info.version, which OpenAPI requires; '1.0.0' is assumed", diagnostic.GetMessage());
        Assert.Contains("Task Ping(", run.Source("Interfaces.g.cs"));
    }

    [Fact]
    public void An_unresolvable_dynamic_reference_is_CRDV003_at_it_and_nothing_is_generated()
    {
        var run = Run("peers/kiota-unresolved-dynamicref.openapi.yaml");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV003", diagnostic.Id);
        Assert.Equal(25, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("the $dynamicRef '#nonexistent' names an anchor no schema declares", diagnostic.GetMessage());
        Assert.Empty(run.DocumentSources);
    }

    [Theory]
    [InlineData("peers/kiota-generic-binding.openapi.yaml", 89, "4 schemas declare \"$dynamicAnchor\": \"itemType\"")]
    [InlineData("peers/kiota-recursive-category-tree.openapi.yaml", 39, "2 schemas declare \"$dynamicAnchor\": \"category\" (/components/schemas/BaseCategory, /components/schemas/LocalizedCategory)")]
    public void A_dynamic_reference_bound_by_several_schemas_is_any_json_with_a_warning_at_it(string document, int line, string reason)
    {
        var run = Run(document);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV100", diagnostic.Id);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(reason, diagnostic.GetMessage());
        Assert.Contains("its value is read as any JSON (JsonElement)", diagnostic.GetMessage());
        Assert.Contains("List<global::System.Text.Json.JsonElement>", run.Source("Contracts.g.cs"));
        Assert.Empty(run.CompilationProblems.Take(5).Select(problem => problem.ToString()));
    }

    [Fact]
    public void A_path_item_reference_nswag_cannot_read_is_CRDV004_that_names_it_at_the_reference()
    {
        var run = Run("openapi31/path-item-reference.openapi.json");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV004", diagnostic.Id);
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("the path item of '/ping' is a $ref to '#/components/pathItems/Ping', and NSwag.Core does not read components.pathItems (OpenAPI 3.1)", diagnostic.GetMessage());
        Assert.Empty(run.DocumentSources);
    }

    private static GeneratorRun Run(string document) =>
        GeneratorHarness.Run("/" + document, Fixtures.Read(document));
}
