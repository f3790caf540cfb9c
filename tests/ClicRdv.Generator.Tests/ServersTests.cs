using System;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using ClicRdv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// <c>ApiServers</c>: the document's servers as constants with their variables' defaults, a method that fills the
/// variables in and refuses a value their enum does not list, and the addresses of operations with servers of their own.
/// </summary>
public sealed class ServersTests
{
    private const string Path = "/project/servers.openapi.json";

    [Fact]
    public void Servers_match_the_snapshot_and_compile_clean()
    {
        var run = GeneratorHarness.Run(Path, Fixtures.Read("servers.openapi.json"));

        Snapshot.Verify("Consumer.servers.Servers", run.Source("servers.Servers.g.cs"));
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
    }

    [Fact]
    public void A_server_that_cannot_be_filled_in_is_CRDV100_and_operation_servers_are_CRDV106_at_their_servers()
    {
        var run = GeneratorHarness.Run(Path, Fixtures.Read("servers.openapi.json"));

        var unsupported = Assert.Single(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "CRDV100");
        Assert.Equal(16, unsupported.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("{tenant}", unsupported.GetMessage());
        var perOperation = run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == "CRDV106").ToList();
        Assert.All(perOperation, diagnostic => Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity));
        Assert.Equal(new[] { 26, 32, 32 }, perOperation.Select(diagnostic => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1).OrderBy(line => line));
        Assert.Contains(perOperation, diagnostic => diagnostic.GetMessage().Contains("DELETE /pets/{petId}", StringComparison.Ordinal) && diagnostic.GetMessage().Contains("ApiServers.PetsApi.DeletePet", StringComparison.Ordinal));
        Assert.Equal(perOperation.Count + 1, run.GeneratorDiagnostics.Length);
    }

    [Fact]
    public void The_constants_hold_the_defaults_and_the_method_fills_in_the_variables_it_is_given()
    {
        var (servers, context) = Load();
        try
        {
            Assert.Equal("https://api.example.com/v1", Constant(servers, "Production"));
            Assert.Equal("https://api.example.com/v1", Constant(servers, "Default"));
            Assert.Equal("https://eu.example.com:443/v1", Constant(servers, "Regional"));
            Assert.Equal("http://localhost:8080", Constant(servers, "Server3"));
            Assert.Equal("/v1", Constant(servers, "Server5"));
            Assert.Null(servers.GetField("Tenant"));

            var regional = servers.GetMethod("RegionalWith")!;
            Assert.Equal("https://eu.example.com:443/v1", regional.Invoke(null, new object?[] { Type.Missing, Type.Missing, Type.Missing }));
            Assert.Equal("http://us.example.com:8443/v1", regional.Invoke(null, new object?[] { "http", "us", "8443" }));
            var refused = Assert.Throws<TargetInvocationException>(() => regional.Invoke(null, new object?[] { "https", "mars", "443" }));
            Assert.Equal("region", Assert.IsType<ArgumentException>(refused.InnerException).ParamName);
            Assert.Contains("eu, us", refused.InnerException!.Message, StringComparison.Ordinal);
            var missing = Assert.Throws<TargetInvocationException>(() => regional.Invoke(null, new object?[] { "https", "eu", null }));
            Assert.Equal("port", Assert.IsType<ArgumentNullException>(missing.InnerException).ParamName);

            var pets = servers.GetNestedType("PetsApi")!;
            var files = servers.GetNestedType("FilesApi")!;
            Assert.Equal("https://admin.example.com/v1", Constant(pets, "DeletePet"));
            Assert.Null(pets.GetField("ListPets"));
            Assert.Equal("https://files.example.com", Constant(files, "ListFiles"));
            Assert.Equal("https://files.example.com", Constant(files, "UploadFile"));
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void A_document_without_servers_and_contracts_only_generate_no_servers()
    {
        var withoutServers = GeneratorHarness.Run("constructs.openapi.json", Fixtures.Read("constructs.openapi.json"));
        var contractsOnly = GeneratorHarness.Run(Path, Fixtures.Read("servers.openapi.json"), new System.Collections.Generic.Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer", ["build_property.ClicRdvGenerate"] = "Contracts" });

        Assert.DoesNotContain(withoutServers.DocumentSources, source => source.HintName.EndsWith(".Servers.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(contractsOnly.DocumentSources, source => source.HintName.EndsWith(".Servers.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(contractsOnly.GeneratorDiagnostics, diagnostic => diagnostic.Id == "CRDV106");
    }

    [Fact]
    public void A_schema_named_ApiServers_keeps_its_name_and_the_servers_class_takes_another()
    {
        var text = Fixtures.Read("petstore.openapi.json").Replace("\"schemas\": {", "\"schemas\": {\n      \"ApiServers\": { \"type\": \"object\", \"properties\": { \"name\": { \"type\": \"string\" } } },", StringComparison.Ordinal);

        var run = GeneratorHarness.Run("petstore.openapi.json", text);

        Assert.Contains("public static partial class ApiServers2", run.Source("Servers.g.cs"));
        Assert.Matches(@"class ApiServers\b(?!2)", run.Source("Contracts.g.cs"));
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
    }

    [Fact]
    public void A_real_document_whose_paths_each_name_their_server_gets_each_operations_address()
    {
        var text = Fixtures.Read("corpus/twilio-messaging-v1.openapi.json");
        var run = GeneratorHarness.Run("/corpus/twilio-messaging-v1.openapi.json", text);

        var operations = System.Text.Json.Nodes.JsonNode.Parse(text)!["paths"]!.AsObject()
            .Sum(path => path.Value!.AsObject().Count(member => member.Key is "get" or "post" or "put" or "delete" or "patch"));
        var servers = run.Source("Servers.g.cs");
        Assert.Equal(operations, run.GeneratorDiagnostics.Count(diagnostic => diagnostic.Id == "CRDV106"));
        // One constant in the nested class of each operation's interface, beside the document's own server.
        Assert.Equal(operations, System.Text.RegularExpressions.Regex.Matches(servers, "\n        public const string \\w+ = \"https://messaging.twilio.com\";").Count);
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
    }

    private static string? Constant(Type type, string name) => (string?)type.GetField(name)?.GetRawConstantValue();

    private static (Type Servers, AssemblyLoadContext Context) Load()
    {
        var (assembly, context) = GeneratorHarness.Run(Path, Fixtures.Read("servers.openapi.json")).Load("servers");
        return (assembly.GetType("Consumer.ApiServers", throwOnError: true)!, context);
    }
}
