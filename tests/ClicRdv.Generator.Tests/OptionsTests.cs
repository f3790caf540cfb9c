using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>Where the generated code goes and how visible it is, from MSBuild properties and item metadata.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void One_document_generates_into_a_namespace_named_after_its_file_under_the_root_namespace()
    {
        var run = GeneratorHarness.Run("petstore.openapi.json", Fixtures.Read("petstore.openapi.json"), new Dictionary<string, string> { ["build_property.RootNamespace"] = "My.App" }, @namespace: null);

        Assert.NotEmpty(run.DocumentSources);
        Assert.All(run.DocumentSources, source => Assert.Contains("namespace My.App.Petstore;", source.SourceText.ToString()));
    }

    [Fact]
    public void The_ClicRdvNamespace_property_is_the_project_namespace_each_document_goes_under()
    {
        var run = GeneratorHarness.Run(
            "/p/billing-v2.openapi.json",
            Fixtures.Read("petstore.openapi.json"),
            new Dictionary<string, string> { ["build_property.RootNamespace"] = "My.App", ["build_property.ClicRdvNamespace"] = "My.Clients" },
            @namespace: null);

        Assert.Contains("namespace My.Clients.BillingV2;", run.Source("Interfaces.g.cs"));
    }

    [Fact]
    public void Adding_a_second_document_renames_nothing_the_first_one_generated()
    {
        var petstore = new InMemoryAdditionalText("/p/petstore.openapi.json", Fixtures.Read("petstore.openapi.json"));
        var project = new Dictionary<string, string> { ["build_property.RootNamespace"] = "My.App" };
        var alone = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new AdditionalText[] { petstore }, project), GeneratorHarness.CreateCompilation());

        var together = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(new AdditionalText[] { petstore, new InMemoryAdditionalText("/p/constructs.openapi.json", Fixtures.Read("constructs.openapi.json")) }, project),
            GeneratorHarness.CreateCompilation());

        Assert.Equal(alone.DocumentTexts, together.DocumentTexts.Where(source => source.HintName.StartsWith("My.App.Petstore.", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void The_bundled_ClicRdv_document_keeps_the_project_namespace_beside_other_documents()
    {
        var driver = GeneratorHarness.CreateDriver(
            new AdditionalText[]
            {
                new InMemoryAdditionalText("/pkg/build/clicrdv.v1.openapi.json", Fixtures.Read("clicrdv.v1.openapi.json")),
                new InMemoryAdditionalText("/p/petstore.openapi.json", Fixtures.Read("petstore.openapi.json")),
            },
            new Dictionary<string, string> { ["build_property.RootNamespace"] = "My.App" },
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["/pkg/build/clicrdv.v1.openapi.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ClicRdvBundledDocument"] = "true" },
            });

        var run = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation());

        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
        Assert.Contains("namespace My.App;", run.Source("My.App.clicrdv.v1.Interfaces.g.cs"));
        Assert.Contains("namespace My.App.Petstore;", run.Source("My.App.Petstore.petstore.Interfaces.g.cs"));
    }

    [Fact]
    public void Several_documents_each_get_a_namespace_of_their_own_and_compile_together()
    {
        var driver = GeneratorHarness.CreateDriver(
            new AdditionalText[]
            {
                new InMemoryAdditionalText("/p/petstore.openapi.json", Fixtures.Read("petstore.openapi.json")),
                new InMemoryAdditionalText("/p/more/petstore-copy.openapi.json", Fixtures.Read("petstore.openapi.json")),
                new InMemoryAdditionalText("/p/constructs.openapi.json", Fixtures.Read("constructs.openapi.json")),
            },
            new Dictionary<string, string> { ["build_property.RootNamespace"] = "My.App" });

        var run = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation());

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
        Assert.Contains("namespace My.App.Petstore;", run.Source("My.App.Petstore.petstore.Interfaces.g.cs"));
        Assert.Contains("namespace My.App.PetstoreCopy;", run.Source("My.App.PetstoreCopy.petstore-copy.Interfaces.g.cs"));
        Assert.Contains("namespace My.App.Constructs;", run.Source("My.App.Constructs.constructs.Interfaces.g.cs"));
    }

    [Fact]
    public void Item_metadata_overrides_the_project_properties()
    {
        var driver = GeneratorHarness.CreateDriver(
            new AdditionalText[] { new InMemoryAdditionalText("/p/petstore.openapi.json", Fixtures.Read("petstore.openapi.json")) },
            new Dictionary<string, string> { ["build_property.RootNamespace"] = "My.App", ["build_property.ClicRdvAccessibility"] = "public" },
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["/p/petstore.openapi.json"] = new Dictionary<string, string>
                {
                    ["build_metadata.AdditionalFiles.ClicRdvNamespace"] = "Pets.Client",
                    ["build_metadata.AdditionalFiles.ClicRdvAccessibility"] = "internal",
                    ["build_metadata.AdditionalFiles.ClicRdvReturnApiResponse"] = "true",
                },
            });

        var run = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation());
        var interfaces = run.Source("Interfaces.g.cs");

        Assert.Contains("namespace Pets.Client;", interfaces);
        Assert.Contains("internal partial interface IPetsApi", interfaces);
        Assert.Contains("Task<global::Refit.IApiResponse<Pet>> ShowPetById(", interfaces);
        Assert.Contains("Task<global::Refit.IApiResponse> DeletePet(", interfaces);
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
    }
}
