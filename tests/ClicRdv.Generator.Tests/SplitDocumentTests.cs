using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Parsing;
using ClicRdv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// A document split into files (<c>$ref: ./schemas/pet.yaml#/Pet</c>) generates what the same document written as one
/// file does, when its files are AdditionalFiles; a problem in a referenced file is located in that file; an edit to a
/// referenced file regenerates the documents that use it, and only those.
/// </summary>
public sealed class SplitDocumentTests
{
    private const string Main = "/project/api.openapi.json";

    [Fact]
    public void A_document_split_into_json_and_yaml_files_generates_the_bytes_of_its_single_file_form()
    {
        var split = Run(
            (Main, """
                {
                  "openapi": "3.0.3",
                  "info": { "title": "Pets", "version": "1" },
                  "paths": {
                    "/pets": {
                      "get": {
                        "operationId": "listPets",
                        "parameters": [ { "$ref": "./parameters.yaml#/limit" } ],
                        "responses": {
                          "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "schemas/pet.json#/Pet" } } } } },
                          "404": { "$ref": "./responses.json#/NotFound" }
                        }
                      }
                    },
                    "/owners": { "$ref": "paths/owners.yaml" }
                  },
                  "components": { "schemas": { "Error": { "type": "object", "properties": { "message": { "type": "string" } } } } }
                }
                """),
            ("/project/parameters.yaml", """
                limit:
                  name: limit
                  in: query
                  schema: { $ref: '#/Limit' }
                Limit: { type: integer, minimum: 1, maximum: 100 }
                """),
            ("/project/schemas/pet.json", """
                { "Pet": { "type": "object", "required": ["name"], "properties": {
                    "name": { "type": "string" },
                    "owner": { "$ref": "owner.yaml" },
                    "children": { "type": "array", "items": { "$ref": "#/Pet" } } } } }
                """),
            ("/project/schemas/owner.yaml", """
                type: object
                properties:
                  name: { type: string }
                  lastError: { $ref: '../api.openapi.json#/components/schemas/Error' }
                """),
            ("/project/responses.json", """
                { "NotFound": { "description": "no pet", "content": { "application/json": { "schema": { "$ref": "api.openapi.json#/components/schemas/Error" } } } } }
                """),
            ("/project/paths/owners.yaml", """
                get:
                  operationId: listOwners
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: { type: array, items: { $ref: '../schemas/owner.yaml' } }
                """));

        var single = Run((Main, """
            {
              "openapi": "3.0.3",
              "info": { "title": "Pets", "version": "1" },
              "paths": {
                "/pets": {
                  "get": {
                    "operationId": "listPets",
                    "parameters": [ { "name": "limit", "in": "query", "schema": { "$ref": "#/components/schemas/Limit" } } ],
                    "responses": {
                      "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Pet" } } } } },
                      "404": { "description": "no pet", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                    }
                  }
                },
                "/owners": { "get": { "operationId": "listOwners", "responses": { "200": { "description": "ok",
                  "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/owner" } } } } } } } }
              },
              "components": { "schemas": {
                "Error": { "type": "object", "properties": { "message": { "type": "string" } } },
                "Limit": { "type": "integer", "minimum": 1, "maximum": 100 },
                "Pet": { "type": "object", "required": ["name"], "properties": {
                  "name": { "type": "string" },
                  "owner": { "$ref": "#/components/schemas/owner" },
                  "children": { "type": "array", "items": { "$ref": "#/components/schemas/Pet" } } } },
                "owner": { "type": "object", "properties": { "name": { "type": "string" }, "lastError": { "$ref": "#/components/schemas/Error" } } }
              } }
            }
            """));

        Assert.Empty(split.GeneratorDiagnostics);
        Assert.Empty(split.CompilationProblems.Select(problem => problem.ToString()));
        Assert.Equal(single.DocumentTexts, split.DocumentTexts);
        var contracts = split.Source("api.Contracts.g.cs");
        Assert.Contains("public global::System.Collections.Generic.List<Pet>? Children { get; set; }", contracts);
        Assert.Contains("public Owner? Owner { get; set; }", contracts);
        Assert.Contains("ListOwners(", split.Source("api.Interfaces.g.cs"));
    }

    /// <summary>The JSON fixtures that have component schemas to move out.</summary>
    public static TheoryData<string> FixturesWithSchemas()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in Fixtures.JsonDocuments())
        {
            if (JsonNode.Parse(Fixtures.Read(fixture))?["components"]?["schemas"] is JsonObject { Count: > 0 })
            {
                data.Add(fixture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixturesWithSchemas))]
    public void A_fixture_with_each_component_schema_moved_to_a_file_of_its_own_generates_the_same_sources(string fixture)
    {
        var path = "/fixtures/" + fixture;
        var files = SchemaFiles.Split(path, Fixtures.Read(fixture));

        var single = GeneratorHarness.Run(path, Fixtures.Read(fixture));
        var split = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(
                files.Select(file => (AdditionalText)new InMemoryAdditionalText(file.Key, file.Value)),
                perFile: new Dictionary<string, IReadOnlyDictionary<string, string>> { [path] = GeneratorHarness.InNamespace("Consumer") }),
            GeneratorHarness.CreateCompilation());

        Assert.Null(split.Result.Exception);
        Assert.True(files.Count > 1);
        Assert.Equal(single.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id), split.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id));
        Assert.Equal(single.DocumentTexts, split.DocumentTexts);
    }

    [Fact]
    public void A_component_that_only_names_another_files_schema_is_that_schema_under_the_components_name()
    {
        var run = Run(
            (Main, Document("\"Pet\": { \"$ref\": \"pet.yaml\" }, \"Pack\": { \"type\": \"array\", \"items\": { \"$ref\": \"pet.yaml\" } }")),
            ("/project/pet.yaml", "type: object\nproperties:\n  name: { type: string }\n  friend: { $ref: 'pet.yaml' }\n"));

        Assert.Empty(run.GeneratorDiagnostics);
        var contracts = run.Source("api.Contracts.g.cs");
        Assert.Contains("public partial class Pet", contracts);
        Assert.Contains("public Pet? Friend { get; set; }", contracts);
        Assert.DoesNotContain("class Pet2", contracts);
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
    }

    [Fact]
    public void A_referenced_schema_whose_name_a_component_has_takes_the_next_number()
    {
        var run = Run(
            (Main, Document(
                "\"Pet\": { \"type\": \"object\", \"properties\": { \"id\": { \"type\": \"integer\" } } },\n" +
                "\"Shelter\": { \"type\": \"object\", \"properties\": { \"local\": { \"$ref\": \"#/components/schemas/Pet\" }, \"wild\": { \"$ref\": \"./wild.json#/Pet\" } } }")),
            ("/project/wild.json", "{ \"Pet\": { \"type\": \"object\", \"properties\": { \"howl\": { \"type\": \"string\" } } } }"));

        Assert.Empty(run.GeneratorDiagnostics);
        var contracts = run.Source("api.Contracts.g.cs");
        Assert.Contains("public Pet? Local { get; set; }", contracts);
        Assert.Contains("public Pet2? Wild { get; set; }", contracts);
        Assert.Contains("public string? Howl { get; set; }", contracts);
    }

    [Fact]
    public void A_discriminator_mapping_to_another_file_maps_to_the_schema_placed_from_it()
    {
        var run = Run(
            (Main, Document(
                "\"Pet\": { \"type\": \"object\", \"required\": [\"kind\"], \"properties\": { \"kind\": { \"type\": \"string\" } },\n" +
                "  \"discriminator\": { \"propertyName\": \"kind\", \"mapping\": { \"cat\": \"./cat.yaml\" } } }")),
            ("/project/cat.yaml", "allOf:\n  - $ref: 'api.openapi.json#/components/schemas/Pet'\n  - type: object\n    properties:\n      lives: { type: integer }\n"));

        Assert.Empty(run.GeneratorDiagnostics);
        var contracts = run.Source("api.Contracts.g.cs");
        Assert.Contains("class Cat : Pet", contracts);
        Assert.Contains("\"cat\"", run.Source("api.Json.g.cs"));
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
    }

    [Fact]
    public void A_pointer_a_listed_file_does_not_have_is_CRDV003_at_the_ref_in_the_file_where_it_is_written()
    {
        const string pet = "{ \"Pet\": { \"type\": \"object\", \"properties\": {\n  \"tag\": { \"$ref\": \"#/Tag\" } } } }";
        var run = Run((Main, ZooOf("pet.json#/Pet")), ("/project/pet.json", pet));

        var message = SingleDiagnosticAt(run, "CRDV003", "/project/pet.json", line: 2);
        Assert.Contains("'#/Tag' points to '#/Tag' in pet.json, which has nothing there", message);
    }

    [Fact]
    public void A_yaml_error_in_a_referenced_file_is_CRDV001_at_its_line_in_that_file()
    {
        var run = Run((Main, ZooOf("pet.yaml")), ("/project/pet.yaml", "type: object\nproperties:\n  name: type: string\n"));

        Assert.Contains("is not valid YAML", SingleDiagnosticAt(run, "CRDV001", "/project/pet.yaml", line: 3));
    }

    [Fact]
    public void A_path_item_that_reaches_itself_through_files_is_CRDV003_not_a_hang()
    {
        var run = Run(
            (Main, "{ \"openapi\": \"3.0.3\", \"info\": { \"title\": \"t\", \"version\": \"1\" },\n  \"paths\": { \"/a\": { \"$ref\": \"a.yaml\" } } }"),
            ("/project/a.yaml", "$ref: 'b.yaml'\n"),
            ("/project/b.yaml", "$ref: 'a.yaml'\n"));

        Assert.Contains(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "CRDV003" && diagnostic.GetMessage().Contains("reaches itself"));
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void A_long_chain_of_schemas_in_another_file_each_naming_the_next_is_bundled_without_exhausting_the_stack()
    {
        // The bundler alone (the schema mapper that follows recurses through references), on a thread with Windows'
        // default stack, as the compiler's may be: copying each schema inside the copy that met it overflowed it.
        const int Length = 3000;
        var chain = string.Join(",\n", Enumerable.Range(0, Length).Select(index =>
            $"\"S{index}\": {{ \"type\": \"object\", \"properties\": {{ \"next\": {{ \"$ref\": \"#/S{(index + 1) % Length}\" }} }} }}"));
        var text = ZooOf("chain.json#/S0");
        var input = new DocumentInput(Main, text, new GeneratorOptions("Consumer", IsInternal: false, UseApiResponse: false), "Consumer.api", null)
        {
            ReferencedFiles = new[] { new ReferencedFile("/project/chain.json", "{\n" + chain + "\n}") }.ToEquatableArray(),
        };
        var diagnostics = new DiagnosticSink(Main, text);

        BundledDocument? bundled = null;
        var thread = new System.Threading.Thread(() => bundled = DocumentBundler.Bundle(input, text, null, diagnostics, CancellationToken.None), maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();

        Assert.False(diagnostics.HasErrors);
        var schemas = JsonNode.Parse(bundled!.Json)!["components"]!["schemas"]!.AsObject();
        Assert.Equal(Length + 1, schemas.Count);
        Assert.All(Enumerable.Range(0, Length), index =>
            Assert.Equal($"#/components/schemas/S{(index + 1) % Length}", (string?)schemas[$"S{index}"]!["properties"]!["next"]!["$ref"]));
    }

    [Fact]
    public void A_file_that_is_not_listed_stays_refused_even_when_a_listed_file_names_it()
    {
        var run = Run((Main, ZooOf("pet.yaml")), ("/project/pet.yaml", "type: object\nproperties:\n  owner: { $ref: 'owner.yaml' }\n"));

        var message = SingleDiagnosticAt(run, "CRDV003", "/project/pet.yaml", line: 3);
        Assert.Contains("'owner.yaml' names a file that is not one of the project's AdditionalFiles", message);
    }

    [Fact]
    public void Editing_a_referenced_file_reparses_the_documents_that_use_it_and_an_unrelated_file_reparses_none()
    {
        const string petText = "type: object\nproperties:\n  name: { type: string }\n";
        var pet = new InMemoryAdditionalText("/project/pet.yaml", petText);
        var unrelated = new InMemoryAdditionalText("/project/settings.json", "{ \"a\": 1 }");
        var user = new InMemoryAdditionalText(Main, ZooOf("pet.yaml"));
        var other = new InMemoryAdditionalText("/project/other.openapi.json", Document("\"Thing\": { \"type\": \"object\" }"));
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new AdditionalText[] { user, other, pet, unrelated }), compilation);

        var petEdited = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(pet, new InMemoryAdditionalText(pet.Path, petText.Replace("name", "nickname", System.StringComparison.Ordinal))), compilation);
        var unrelatedEdited = GeneratorHarness.Run(petEdited.Driver.ReplaceAdditionalText(unrelated, new InMemoryAdditionalText(unrelated.Path, "{ \"a\": 2 }")), compilation);

        Assert.Empty(first.GeneratorDiagnostics);
        Assert.Contains("public string? Name { get; set; }", first.Source("api.Contracts.g.cs"));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified }, ParseReasons(petEdited));
        Assert.Contains("public string? Nickname { get; set; }", petEdited.Source("api.Contracts.g.cs"));
        Assert.All(ParseReasons(unrelatedEdited), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"parse ran with {reason}"));
    }

    private static List<IncrementalStepRunReason> ParseReasons(GeneratorRun run) =>
        run.Result.TrackedSteps[TrackingNames.Parse].SelectMany(step => step.Outputs).Select(output => output.Reason).OrderBy(reason => reason.ToString()).ToList();

    /// <summary>Runs the generator on a project whose AdditionalFiles are these, the documents in the namespace <c>Consumer</c>.</summary>
    private static GeneratorRun Run(params (string Path, string Text)[] files) =>
        GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(
                files.Select(file => (AdditionalText)new InMemoryAdditionalText(file.Path, file.Text)),
                perFile: files.ToDictionary(file => file.Path, _ => GeneratorHarness.InNamespace("Consumer"))),
            GeneratorHarness.CreateCompilation());

    /// <summary>The one diagnostic of a run that generated nothing: its id and place checked, its message returned.</summary>
    private static string SingleDiagnosticAt(GeneratorRun run, string id, string path, int line)
    {
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(run.Result.GeneratedSources);
        return diagnostic.GetMessage();
    }

    /// <summary>A document whose only schema, <c>Zoo</c>, has a member that refers to <paramref name="target"/>.</summary>
    private static string ZooOf(string target) =>
        Document("\"Zoo\": { \"type\": \"object\", \"properties\": { \"pet\": { \"$ref\": \"" + target + "\" } } }");

    private static string Document(string schemas) =>
        "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"t\", \"version\": \"1\" },\n  \"paths\": {},\n  \"components\": { \"schemas\": {\n" + schemas + "\n  } }\n}";
}
