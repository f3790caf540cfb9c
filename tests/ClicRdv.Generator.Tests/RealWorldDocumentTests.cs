using System.Linq;
using ClicRdv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// Public documents nobody on this project wrote (Fixtures/corpus, with their licences in LICENSES.md): the generator
/// reports no error on them, and what it generates compiles with nullable enabled and no error or warning.
/// </summary>
public sealed class RealWorldDocumentTests
{
    public static TheoryData<string> Documents => new()
    {
        "petstore", "petstore-expanded", "uspto", "api-with-examples", "callback-example", "link-example",
        "swagger-petstore-v3", "ory-kratos", "twilio-messaging-v1", "twilio-api-v2010", "adyen-balanceplatform-v2",
        "outline", "bungie-net", "box-platform", "discord",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_real_world_document_generates_code_that_compiles_cleanly(string document)
    {
        var run = GeneratorHarness.Run($"/corpus/{document}.openapi.json", Fixtures.Read($"corpus/{document}.openapi.json"));

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.All(run.GeneratorDiagnostics, diagnostic => Assert.Contains(diagnostic.Id, new[] { "CRDV100", "CRDV101", "CRDV102", "CRDV103", "CRDV106" }));
        Assert.Equal(4, run.SourcesBesideServers.Count);
        Assert.Empty(run.CompilationProblems.Take(5).Select(problem => problem.ToString()));
    }

    [Fact]
    public void The_callback_example_says_at_its_callback_that_no_client_method_is_made_for_it()
    {
        var run = GeneratorHarness.Run("/corpus/callback-example.openapi.json", Fixtures.Read("corpus/callback-example.openapi.json"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CRDV103", DiagnosticSeverity.Info, 46), (diagnostic.Id, diagnostic.Severity, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.StartsWith("The callback 'onData' of POST /streams", diagnostic.GetMessage());
    }

    [Fact]
    public void A_document_the_reader_rejects_gets_one_error_at_its_place_and_no_half_generated_code()
    {
        var run = GeneratorHarness.Run("/corpus/okta-management.openapi.json", Fixtures.Read("corpus/okta-management.openapi.json"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV004", diagnostic.Id);
        Assert.Equal(16753, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("x-enumDescriptions", diagnostic.GetMessage());
        Assert.Empty(run.Result.GeneratedSources);
        Assert.Null(run.Result.Exception);
    }
}
