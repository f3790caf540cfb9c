using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using ClicRdv.Generator.Tests.Infrastructure;
using ClicRdv.Generator.Tests.PropertyBased;
using ClicRdv.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// A build never reaches the network and never reads a file the project did not list: a <c>$ref</c> outside the
/// document is a located CRDV003, and the server or file it names is never opened.
/// </summary>
public sealed class ExternalReferenceTests
{
    /// <summary>What a fetched reference would find: a valid schema, so that fetching it would "work".</summary>
    private const string RemoteSchema = "{ \"Remote\": { \"type\": \"object\", \"properties\": { \"leak\": { \"type\": \"string\" } } }, \"type\": \"object\" }";

    [Fact]
    public async Task Remote_references_in_a_schema_a_parameter_a_response_and_a_request_body_are_CRDV003_at_each_ref_and_never_fetched()
    {
        await using var server = await RecordingServer.StartAsync((_, context) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(RemoteSchema);
        });
        var remote = new Uri(server.BaseAddress, "remote.json").ToString();
        var text = DocumentWithReferences(remote + "#/Remote");

        var run = GeneratorProperties.Check(text);

        AssertRefusedAtEachReference(run, text, remote + "#/Remote", "a remote reference", "copy the file into the project");
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_remote_reference_that_only_NSwag_follows_is_refused_by_the_resolver_without_a_request()
    {
        // A discriminator mapping names its targets without "$ref"; NSwag resolves them with the document's resolver.
        await using var server = await RecordingServer.StartAsync((_, context) => context.Response.WriteAsync(RemoteSchema));
        var remote = new Uri(server.BaseAddress, "cat.json").ToString();
        var text = WithSchemas(
            "\"Pet\": { \"type\": \"object\", \"properties\": { \"kind\": { \"type\": \"string\" } },\n" +
            "  \"discriminator\": { \"propertyName\": \"kind\", \"mapping\": { \"cat\": \"" + remote + "\" } } }");

        var run = GeneratorProperties.Check(text);

        Assert.Empty(server.Requests);
        Assert.Empty(run.Result.GeneratedSources);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV003", diagnostic.Id);
        Assert.Contains("never fetched", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("file://{0}", "a remote reference", "copy the file into the project")]
    [InlineData("{0}", "an absolute file path", "write the path relative to this file")]
    [InlineData("pet.json", "names a file that is not one of the project's AdditionalFiles", "list it as one")]
    public async Task File_references_are_CRDV003_at_each_ref_and_the_file_is_never_opened(string reference, string kind, string advice)
    {
        if (!OperatingSystem.IsLinux())
        {
            // The proof of "never opened" is a named pipe, whose writer waits until somebody opens it to read.
            return;
        }

        var directory = Directory.CreateTempSubdirectory("clicrdv-refs-").FullName;
        try
        {
            var pipe = Path.Combine(directory, "pet.json");
            Assert.Equal(0, MakeFifo(pipe, 0x180));
            var writer = Task.Run(() => File.WriteAllText(pipe, RemoteSchema));
            var target = string.Format(System.Globalization.CultureInfo.InvariantCulture, reference, pipe) + "#/Remote";
            var text = DocumentWithReferences(target);

            var run = GeneratorHarness.Run(Path.Combine(directory, "api.openapi.json"), text);

            Assert.False(writer.IsCompleted, "The referenced file was opened.");
            AssertRefusedAtEachReference(run, text, target, kind, advice, Path.Combine(directory, "api.openapi.json"));

            // Opening the pipe ourselves lets the writer finish.
            await File.ReadAllTextAsync(pipe);
            await writer.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_ref_key_inside_an_example_or_an_extension_is_data_not_a_reference()
    {
        var text = WithSchemas(
            "\"Pet\": { \"type\": \"object\", \"properties\": { \"value\": { \"type\": \"object\", \"additionalProperties\": true,\n" +
            "  \"example\": { \"$ref\": \"http://127.0.0.1:9/not-a-reference.json\" }, \"x-origin\": { \"$ref\": \"other.json\" } } } }");

        var run = GeneratorProperties.Check(text);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("class Pet", run.Source("Contracts.g.cs"));
    }

    [Fact]
    public void A_local_reference_named_like_a_keyword_is_still_resolved()
    {
        // "value", "example" or "default" are data keywords only in keyword position; as names they are schemas.
        var text = WithSchemas(
            "\"example\": { \"type\": \"object\", \"properties\": { \"value\": { \"$ref\": \"#/components/schemas/default\" } } },\n" +
            "\"default\": { \"type\": \"object\", \"properties\": { \"name\": { \"type\": \"string\" } } }");

        var run = GeneratorProperties.Check(text);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("public Default? Value { get; set; }", run.Source("Contracts.g.cs"));
    }

    [Fact]
    public void A_remote_reference_under_a_property_named_like_a_data_keyword_is_still_refused()
    {
        var text = WithSchemas("\"Pet\": { \"type\": \"object\", \"properties\": { \"example\": { \"$ref\": \"https://example.com/pet.json\" } } }");

        var run = GeneratorProperties.Check(text);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV003", diagnostic.Id);
        Assert.Equal(7, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    /// <summary>Every $ref of the document got one CRDV003, at its own line, that names it and says what to do instead.</summary>
    private static void AssertRefusedAtEachReference(GeneratorRun run, string text, string target, string kind, string advice, string path = GeneratorProperties.DocumentPath)
    {
        Assert.Empty(run.Result.GeneratedSources);
        var lines = text.Split('\n');
        var expectedLines = Enumerable.Range(1, lines.Length).Where(line => lines[line - 1].Contains("\"$ref\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, expectedLines.Count);
        Assert.Equal(expectedLines, run.GeneratorDiagnostics.Select(diagnostic => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.All(run.GeneratorDiagnostics, diagnostic =>
        {
            Assert.Equal("CRDV003", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
            var message = diagnostic.GetMessage();
            Assert.Contains(kind.StartsWith("names", StringComparison.Ordinal) ? $": '{target}' {kind}" : $": '{target}' is {kind}", message, StringComparison.Ordinal);
            Assert.Contains(advice, message, StringComparison.Ordinal);
        });
    }

    /// <summary>A document with a remote $ref in a schema, a parameter, a response and a request body, each on a line of its own.</summary>
    private static string DocumentWithReferences(string target) =>
        "{\n" +
        "  \"openapi\": \"3.0.3\",\n" +
        "  \"info\": { \"title\": \"refs\", \"version\": \"1\" },\n" +
        "  \"paths\": { \"/pets\": { \"post\": { \"operationId\": \"addPet\",\n" +
        "    \"parameters\": [\n" +
        "      { \"$ref\": \"" + target + "\" } ],\n" +
        "    \"requestBody\": {\n" +
        "      \"$ref\": \"" + target + "\" },\n" +
        "    \"responses\": { \"200\": {\n" +
        "      \"$ref\": \"" + target + "\" } } } } },\n" +
        "  \"components\": { \"schemas\": { \"Pet\": { \"type\": \"object\", \"properties\": { \"owner\": {\n" +
        "    \"$ref\": \"" + target + "\" } } } } }\n" +
        "}";

    private static string WithSchemas(string schemas) =>
        "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"t\", \"version\": \"1\" },\n  \"paths\": {},\n  \"components\": {\n" +
        "    \"schemas\": {\n" + schemas + "\n    }\n  }\n}";

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);
}
