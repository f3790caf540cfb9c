using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// Broken input gets a CRDV diagnostic with the document's path and the line and column of the problem; it never
/// crashes the generator (CS8785) and never passes in silence.
/// </summary>
public sealed class DiagnosticsTests
{
    private const string Path = "/project/api.openapi.json";

    [Fact]
    public void Truncated_json_is_CRDV001_at_the_place_it_stops()
    {
        var diagnostic = SingleDiagnostic("{\n  \"openapi\": \"3.0.0\",\n  \"info\": { \"title\": \"x\",\n");

        AssertDiagnostic(diagnostic, "CRDV001", DiagnosticSeverity.Error, line: 4);
    }

    [Fact]
    public void Text_that_is_not_json_is_CRDV001()
    {
        var diagnostic = SingleDiagnostic("openapi: 3.0.0\ninfo:\n  title: yaml\n");

        AssertDiagnostic(diagnostic, "CRDV001", DiagnosticSeverity.Error, line: 1);
    }

    [Fact]
    public void A_json_document_that_is_not_openapi_is_CRDV002()
    {
        var diagnostic = SingleDiagnostic("{ \"name\": \"just some json\" }");

        AssertDiagnostic(diagnostic, "CRDV002", DiagnosticSeverity.Error, line: 1);
        Assert.Contains("no \"openapi\": \"3.x\" member", diagnostic.GetMessage());
    }

    [Fact]
    public void A_swagger_2_document_is_CRDV002_and_says_to_convert_it()
    {
        var diagnostic = SingleDiagnostic("{ \"swagger\": \"2.0\", \"info\": { \"title\": \"x\", \"version\": \"1\" }, \"paths\": {} }");

        AssertDiagnostic(diagnostic, "CRDV002", DiagnosticSeverity.Error, line: 1);
        Assert.Contains("convert it to OpenAPI 3.0", diagnostic.GetMessage());
    }

    [Fact]
    public void An_unsupported_openapi_version_is_CRDV002_at_the_version()
    {
        var diagnostic = SingleDiagnostic("{\n  \"info\": { \"title\": \"x\", \"version\": \"1\" },\n  \"openapi\": \"4.0.0\",\n  \"paths\": {}\n}");

        AssertDiagnostic(diagnostic, "CRDV002", DiagnosticSeverity.Error, line: 3);
    }

    [Fact]
    public void A_broken_reference_is_CRDV003_at_the_ref()
    {
        var text = Document(
            "\"/pets\": { \"get\": { \"responses\": { \"200\": { \"description\": \"ok\",\n" +
            "  \"content\": { \"application/json\": { \"schema\": { \"$ref\": \"#/components/schemas/Missing\" } } } } } } }");

        var diagnostic = SingleDiagnostic(text);

        AssertDiagnostic(diagnostic, "CRDV003", DiagnosticSeverity.Error, line: 6);
        Assert.Contains("#/components/schemas/Missing", diagnostic.GetMessage());
    }

    [Fact]
    public void A_document_the_reader_rejects_is_CRDV004_with_its_reason()
    {
        var diagnostic = SingleDiagnostic("{\n  \"openapi\": \"3.0.0\",\n  \"info\": { \"title\": \"x\", \"version\": \"1\" },\n  \"paths\": [ 1, 2 ]\n}");

        AssertDiagnostic(diagnostic, "CRDV004", DiagnosticSeverity.Error, line: 4);
    }

    [Fact]
    public void An_invalid_option_is_CRDV005_naming_the_option_and_nothing_is_generated()
    {
        var run = GeneratorHarness.Run(Path, Fixtures.Read("petstore.openapi.json"), new Dictionary<string, string> { ["build_property.ClicRdvAccessibility"] = "protected" });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CRDV005", DiagnosticSeverity.Error, line: 1);
        Assert.Contains("ClicRdvAccessibility", diagnostic.GetMessage());
        Assert.Contains("'protected'", diagnostic.GetMessage());
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void An_invalid_namespace_is_CRDV005()
    {
        var run = GeneratorHarness.Run(Path, Fixtures.Read("petstore.openapi.json"), new Dictionary<string, string> { ["build_property.ClicRdvNamespace"] = "My.class.Api" }, @namespace: null);

        Assert.Equal("CRDV005", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void Unsupported_constructs_are_CRDV100_warnings_and_the_rest_still_compiles()
    {
        var text = Document(
            "\"/things/{id}\": {\n" +
            "  \"trace\": { \"responses\": { \"200\": { \"description\": \"ok\" } } },\n" +
            "  \"get\": { \"operationId\": \"getThing\", \"parameters\": [\n" +
            "    { \"name\": \"where\", \"in\": \"query\", \"schema\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } } },\n" +
            "    { \"name\": \"filter\", \"in\": \"query\", \"style\": \"deepObject\", \"schema\": { \"type\": \"string\" } }\n" +
            "  ], \"responses\": { \"204\": { \"description\": \"ok\" } } }\n" +
            "}");

        var run = GeneratorHarness.Run(Path, text);

        Assert.Equal(
            new[] { "CRDV100", "CRDV100", "CRDV100", "CRDV100" },
            run.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id));
        Assert.All(run.GeneratorDiagnostics, diagnostic => Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity));
        var messages = string.Join("\n", run.GeneratorDiagnostics.Select(diagnostic => diagnostic.GetMessage()));
        Assert.Contains("Operation TRACE /things/{id} in '/project/api.openapi.json' is not supported: Refit has no attribute for this HTTP method; it was left out of the generated code", messages);
        Assert.Contains("Parameter 'where' (query) of GET /things/{id} in '/project/api.openapi.json' is not supported: an object-valued parameter cannot be written to a URL, a header or a cookie; it was left out of the generated code", messages);
        Assert.Contains("Parameter 'filter' (query) of GET /things/{id} in '/project/api.openapi.json' is not supported: the deepObject style needs an object, or an array of objects; it was left out of the generated code", messages);
        // What was done instead is said once, and not contradicted: this one is added, not left out.
        Assert.Contains("Path segment '{id}' of GET /things/{id} in '/project/api.openapi.json' is not supported: it has no matching path parameter; a required string parameter was added for it", messages);
        Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.GetMessage().Contains("left out") && diagnostic.GetMessage().Contains("added"));
        Assert.All(run.GeneratorDiagnostics, diagnostic => Assert.Equal(Path, diagnostic.Location.GetLineSpan().Path));
        Assert.Equal(6, run.GeneratorDiagnostics[0].Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
        Assert.Contains("GetThing(string id,", run.Source("Interfaces.g.cs"));
    }

    [Fact]
    public void An_x_unwrap_naming_a_member_the_answer_lacks_is_a_located_CRDV100_and_the_answer_is_read_whole()
    {
        var text = Document(
            "\"/things\": { \"get\": { \"operationId\": \"getThing\", \"responses\": {\n" +
            "  \"200\": { \"description\": \"ok\", \"x-unwrap\": \"records\",\n" +
            "    \"content\": { \"application/json\": { \"schema\": { \"type\": \"object\", \"properties\": { \"name\": { \"type\": \"string\" } } } } } }\n" +
            "} } }");

        var run = GeneratorHarness.Run(Path, text);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV100", diagnostic.Id);
        Assert.Contains("x-unwrap 'records' of GET /things", diagnostic.GetMessage());
        Assert.Contains("is not supported: the answer's schema has no member 'records'; the answer is read whole", diagnostic.GetMessage());
        Assert.Equal(6, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
        Assert.Contains("Task<GetThingResponse> GetThing(", run.Source("Interfaces.g.cs"));
    }

    [Fact]
    public void A_multipart_encoding_no_part_can_follow_is_a_located_CRDV105_warning_and_the_form_still_compiles()
    {
        var text = Document(
            "\"/uploads\": { \"post\": { \"operationId\": \"upload\", \"requestBody\": { \"content\": { \"multipart/form-data\": {\n" +
            "  \"schema\": { \"type\": \"object\", \"properties\": { \"file\": { \"type\": \"string\", \"format\": \"binary\" }, \"note\": { \"type\": \"string\" } } },\n" +
            "  \"encoding\": { \"fiel\": { \"contentType\": \"image/png\" }, \"note\": { \"contentType\": \"not a type\", \"headers\": { \"X-Part\": { \"schema\": { \"type\": \"string\" } } } } }\n" +
            "} } }, \"responses\": { \"204\": { \"description\": \"ok\" } } } },\n" +
            "\"/raw\": { \"post\": { \"operationId\": \"raw\", \"requestBody\": { \"content\": { \"multipart/form-data\": { \"schema\": { \"type\": \"object\" } } } }, \"responses\": { \"204\": { \"description\": \"ok\" } } } }");

        var run = GeneratorHarness.Run(Path, text);

        Assert.Equal(new[] { "CRDV105", "CRDV105", "CRDV105", "CRDV105" }, run.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id));
        Assert.All(run.GeneratorDiagnostics, diagnostic => Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity));
        var messages = run.GeneratorDiagnostics.Select(diagnostic => diagnostic.GetMessage()).ToList();
        Assert.Contains("The encoding of form field 'fiel' of POST /uploads", messages[0]);
        Assert.Contains("the body's schema has no such field", messages[0]);
        Assert.Contains("the headers it gives the part are not sent", messages[1]);
        Assert.Contains("'not a type' is not a media type", messages[2]);
        Assert.Contains("The multipart/form-data body of POST /raw", messages[3]);
        Assert.Contains("so the method takes an HttpContent you build", messages[3]);
        Assert.Equal(new[] { 5, 5, 5, 9 }, run.GeneratorDiagnostics.Select(diagnostic => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
        var interfaces = run.Source("Interfaces.g.cs");
        Assert.Contains("Upload(global::Refit.MultipartItem? file = default, string? note = default,", interfaces);
        Assert.Contains("Raw([global::Refit.Body] global::System.Net.Http.HttpContent? body = default,", interfaces);
    }

    [Fact]
    public void A_project_without_documents_generates_and_reports_nothing()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new AdditionalText[] { new InMemoryAdditionalText("/project/notes.json", "{}") }), GeneratorHarness.CreateCompilation());

        Assert.Empty(run.Result.GeneratedSources);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void A_project_without_Refit_gets_one_CRDV007_naming_the_package_and_no_code_that_cannot_compile()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(new AdditionalText[] { new InMemoryAdditionalText(Path, Fixtures.Read("petstore.openapi.json")) }),
            GeneratorHarness.CreateCompilation(GeneratorHarness.FrameworkReferences));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV007", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("The generated clients need the Refit package, version 16.4.0 or later, but the project references no Refit assembly: add <PackageReference Include=\"Refit\" Version=\"16.4.0\" />", diagnostic.GetMessage());
        Assert.Empty(run.Result.GeneratedSources);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_Refit_older_than_16_4_is_CRDV007_with_the_version_found_though_its_assembly_version_is_16_0()
    {
        var oldRefit = CSharpCompilation.Create(
                "Refit",
                new[] { CSharpSyntaxTree.ParseText("[assembly: System.Reflection.AssemblyVersion(\"16.0.0.0\")]\n[assembly: System.Reflection.AssemblyFileVersion(\"16.3.0.0\")]\nnamespace Refit { public static class RestService { } }") },
                GeneratorHarness.FrameworkReferences,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .ToMetadataReference();

        var run = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(new AdditionalText[] { new InMemoryAdditionalText(Path, Fixtures.Read("petstore.openapi.json")) }),
            GeneratorHarness.CreateCompilation(GeneratorHarness.FrameworkReferences.Add(oldRefit)));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV007", diagnostic.Id);
        Assert.Contains("version 16.4.0 or later, but the project references Refit 16.3.0", diagnostic.GetMessage());
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void Without_a_document_a_project_without_Refit_gets_no_CRDV007()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new AdditionalText[0]), GeneratorHarness.CreateCompilation(GeneratorHarness.FrameworkReferences));

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void Two_documents_given_one_namespace_are_CRDV006_even_with_different_file_names()
    {
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/a/petstore.openapi.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ClicRdvNamespace"] = "Shared.Api" },
            ["/a/constructs.openapi.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ClicRdvNamespace"] = "Shared.Api" },
        };
        var driver = GeneratorHarness.CreateDriver(
            new AdditionalText[] { new InMemoryAdditionalText("/a/petstore.openapi.json", Fixtures.Read("petstore.openapi.json")), new InMemoryAdditionalText("/a/constructs.openapi.json", Fixtures.Read("constructs.openapi.json")) },
            perFile: perFile);

        var run = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation());

        Assert.Equal(new[] { "CRDV006", "CRDV006" }, run.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id));
        Assert.Contains("'Shared.Api'", run.GeneratorDiagnostics[0].GetMessage());
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Two_documents_that_would_generate_the_same_files_are_CRDV006()
    {
        var text = Fixtures.Read("petstore.openapi.json");
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/a/api.openapi.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ClicRdvNamespace"] = "Same" },
            ["/b/api.openapi.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ClicRdvNamespace"] = "Same" },
        };
        var driver = GeneratorHarness.CreateDriver(
            new AdditionalText[] { new InMemoryAdditionalText("/a/api.openapi.json", text), new InMemoryAdditionalText("/b/api.openapi.json", text) },
            perFile: perFile);

        var run = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation());

        Assert.Equal(new[] { "CRDV006", "CRDV006" }, run.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id));
        Assert.Equal(new[] { "/a/api.openapi.json", "/b/api.openapi.json" }, run.GeneratorDiagnostics.Select(diagnostic => diagnostic.Location.GetLineSpan().Path).OrderBy(path => path));
        Assert.Empty(run.Result.GeneratedSources);
        Assert.Null(run.Result.Exception);
    }

    private static string Document(string paths) =>
        "{\n  \"openapi\": \"3.0.0\",\n  \"info\": { \"title\": \"t\", \"version\": \"1\" },\n  \"paths\": {\n" + paths + "\n  }\n}";

    private static Diagnostic SingleDiagnostic(string text)
    {
        var run = GeneratorHarness.Run(Path, text);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Result.GeneratedSources);
        return Assert.Single(run.GeneratorDiagnostics);
    }

    private static void AssertDiagnostic(Diagnostic diagnostic, string id, DiagnosticSeverity severity, int line)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(Path, span.Path);
        Assert.Equal(line, span.StartLinePosition.Line + 1);
    }
}
