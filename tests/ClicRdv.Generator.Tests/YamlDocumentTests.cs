using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using ClicRdv.Generator.Parsing;
using ClicRdv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// YAML documents are read as their JSON form: the same document in either syntax generates the same bytes and the
/// same diagnostics, each located at the YAML line and column; scalars are typed by the YAML 1.2 core schema; YAML that
/// JSON cannot hold, and YAML that is not YAML, are CRDV001 at their place.
/// </summary>
public sealed class YamlDocumentTests
{
    private const string Path = "/project/api.openapi.yaml";

    public static TheoryData<string> JsonFixtures() => new(Fixtures.JsonDocuments());

    [Theory]
    [MemberData(nameof(JsonFixtures))]
    public void A_json_fixture_written_as_yaml_generates_the_same_sources_and_diagnostics(string fixture)
    {
        var json = Fixtures.Read(fixture);
        var jsonPath = "/fixtures/" + fixture;
        var yamlPath = System.IO.Path.ChangeExtension(jsonPath, ".yaml");

        var fromJson = GeneratorHarness.Run(jsonPath, json);
        var fromYaml = GeneratorHarness.Run(yamlPath, JsonToYaml.Convert(json));

        Assert.Null(fromYaml.Result.Exception);
        Assert.Equal(fromJson.DocumentTexts, fromYaml.DocumentTexts);
        Assert.Equal(
            fromJson.GeneratorDiagnostics.Select(diagnostic => (diagnostic.Id, diagnostic.GetMessage().Replace(jsonPath, "<document>", StringComparison.Ordinal))),
            fromYaml.GeneratorDiagnostics.Select(diagnostic => (diagnostic.Id, diagnostic.GetMessage().Replace(yamlPath, "<document>", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("/project/api.openapi.yml")]
    [InlineData("/project/API.OPENAPI.YAML")]
    public void Both_yaml_suffixes_are_documents_in_any_case(string path)
    {
        var run = GeneratorHarness.Run(path, JsonToYaml.Convert(Fixtures.Read("petstore.openapi.json")));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(5, run.DocumentSources.Count);
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
    }

    [Fact]
    public void Anchors_merge_keys_and_unquoted_numbers_generate_what_the_equivalent_json_does()
    {
        const string yaml = """
            openapi: 3.0.3
            info: {title: Typed, version: '1'}
            paths:
              /things:
                get:
                  operationId: listThings
                  parameters:
                    - &limit
                      name: limit
                      in: query
                      schema: {type: integer, default: 20, maximum: 0x64}
                  responses:
                    200:
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Thing'}
              /others:
                get:
                  operationId: listOthers
                  parameters: [*limit]
                  responses:
                    '200': {description: ok}
            components:
              schemas:
                Named: &named
                  type: object
                  required: [name]
                  properties:
                    name: {type: string, default: '5'}
                Thing:
                  <<: *named
                  description: A thing with a name.
                  properties:
                    name: {type: string, default: '5'}
                    level: {type: integer, enum: [1, 2, 3], default: 2}
                    ratio: {type: number, default: .5}
                    active: {type: boolean, default: True}
                    note: {type: string, nullable: true, default: ~}
                    code: {type: string, default: 007}
            """;
        const string json = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Typed", "version": "1" },
              "paths": {
                "/things": { "get": { "operationId": "listThings",
                  "parameters": [ { "name": "limit", "in": "query", "schema": { "type": "integer", "default": 20, "maximum": 100 } } ],
                  "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } } } },
                "/others": { "get": { "operationId": "listOthers",
                  "parameters": [ { "name": "limit", "in": "query", "schema": { "type": "integer", "default": 20, "maximum": 100 } } ],
                  "responses": { "200": { "description": "ok" } } } }
              },
              "components": { "schemas": {
                "Named": { "type": "object", "required": [ "name" ], "properties": { "name": { "type": "string", "default": "5" } } },
                "Thing": { "type": "object", "required": [ "name" ], "description": "A thing with a name.", "properties": {
                  "name": { "type": "string", "default": "5" },
                  "level": { "type": "integer", "enum": [ 1, 2, 3 ], "default": 2 },
                  "ratio": { "type": "number", "default": 0.5 },
                  "active": { "type": "boolean", "default": true },
                  "note": { "type": "string", "nullable": true, "default": null },
                  "code": { "type": "string", "default": 7 } } }
              } }
            }
            """;

        var fromYaml = GeneratorHarness.Run(Path, yaml);
        var fromJson = GeneratorHarness.Run("/project/api.openapi.json", json);

        Assert.Empty(fromYaml.GeneratorDiagnostics);
        Assert.Equal(fromJson.DocumentTexts, fromYaml.DocumentTexts);
        Assert.Contains("public double? Ratio { get; set; } = 0.5d;", fromYaml.Source("Contracts.g.cs"));
        Assert.Contains("public bool? Active { get; set; } = true;", fromYaml.Source("Contracts.g.cs"));
        Assert.Empty(fromYaml.CompilationProblems.Select(problem => problem.ToString()));
    }

    [Fact]
    public void Scalars_are_typed_by_the_yaml_1_2_core_schema_and_keys_are_their_text()
    {
        const string yaml = """
            empty:
            plain: [true, False, TRUE, null, Null, ~, 12, +12, -0, 007, 0o17, 0x1F, 1.5, .5, 5., -1E3, 1.50, 12345678901234567890]
            strings: [yes, no, y, on, off, 1_000, 3.0.0, 2024-01-01, 0b101, 0777x, nulls, .5x]
            quoted: ['true', "12", '~', "null", '']
            tagged: [!!str 12, !!int "12", !!float "1", !!float 2.5, !!bool "true", !!null "", ! 12, !!str true]
            block: |
              two
              lines
            folded: >-
              one
              line
            200: status
            y: a key
            ~: tilde
            null: word
            """;

        var json = Convert(yaml);

        Assert.Equal(
            JsonNode.Parse("""
                {
                  "empty": null,
                  "plain": [true, false, true, null, null, null, 12, 12, -0, 7, 15, 31, 1.5, 0.5, 5.0, -1E3, 1.50, 12345678901234567890],
                  "strings": ["yes", "no", "y", "on", "off", "1_000", "3.0.0", "2024-01-01", "0b101", "0777x", "nulls", ".5x"],
                  "quoted": ["true", "12", "~", "null", ""],
                  "tagged": ["12", 12, 1, 2.5, true, null, "12", "true"],
                  "block": "two\nlines\n",
                  "folded": "one line",
                  "200": "status",
                  "y": "a key",
                  "~": "tilde",
                  "null": "word"
                }
                """)!.ToJsonString(),
            JsonNode.Parse(json)!.ToJsonString());
    }

    [Fact]
    public void Aliases_repeat_their_anchors_node_and_merge_keys_let_own_members_and_earlier_mappings_win()
    {
        const string yaml = """
            base: &base {type: object, description: base}
            list: &items [a, b]
            copy: *base
            again: *items
            merged:
              <<: *base
              description: own
            many:
              <<: [*base, {extra: 1, type: string}]
            nested:
              <<: {<<: *base, deep: true}
            """;

        Assert.Equal(
            JsonNode.Parse("""
                {
                  "base": { "type": "object", "description": "base" },
                  "list": ["a", "b"],
                  "copy": { "type": "object", "description": "base" },
                  "again": ["a", "b"],
                  "merged": { "type": "object", "description": "own" },
                  "many": { "type": "object", "description": "base", "extra": 1 },
                  "nested": { "type": "object", "description": "base", "deep": true }
                }
                """)!.ToJsonString(),
            JsonNode.Parse(Convert(yaml))!.ToJsonString());
    }

    [Fact]
    public void A_quoted_merge_key_is_an_ordinary_member()
    {
        Assert.Equal("""{"\u003C\u003C":{"a":1}}""", JsonNode.Parse(Convert("'<<': {a: 1}\n"))!.ToJsonString());
    }

    [Theory]
    [InlineData("openapi: 3.0.0\ninfo:\n  title: x\n  version: '1'\n paths: {}\n", 5, 2, "did not find expected key")]
    [InlineData("openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths: {}\n---\nopenapi: 3.0.0\n", 4, 1, "a second YAML document starts here")]
    [InlineData("a: &x\n  b: *x\n", 2, 6, "the alias *x stands inside the node its anchor names")]
    [InlineData("a: *nope\n", 1, 4, "the alias *nope names no anchor written before it")]
    [InlineData("a: 1\nb: 2\na: 3\n", 3, 1, "the key 'a' appears twice in one mapping (first on line 1)")]
    [InlineData("200: a\n'200': b\n", 2, 1, "the key '200' appears twice")]
    [InlineData("? [a, b]\n: c\n", 1, 3, "a key that is a mapping or a list has no JSON form")]
    [InlineData("a:\n  b: .inf\n", 2, 6, "'.inf' is a YAML number that JSON cannot write")]
    [InlineData("a: !custom x\n", 1, 4, "the tag '!custom' is not one of the YAML core schema's")]
    [InlineData("a: !!set {x}\n", 1, 4, "the tag 'tag:yaml.org,2002:set'")]
    [InlineData("a: !!int twelve\n", 1, 4, "'twelve' is tagged tag:yaml.org,2002:int but is not an integer")]
    [InlineData("a:\n  <<: 5\n", 2, 7, "a merge key (<<) takes a mapping or a list of mappings")]
    [InlineData("a:\n  <<: [{b: 1}, c]\n", 2, 16, "this item is not a mapping")]
    public void Yaml_that_is_not_yaml_or_has_no_json_form_is_CRDV001_at_its_line_and_column(string yaml, int line, int column, string message)
    {
        var diagnostic = SingleError(yaml);

        AssertAt(diagnostic, "CRDV001", line, column);
        Assert.StartsWith($"'{Path}' is not valid YAML: ", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_that_expand_without_bound_are_CRDV001_at_the_alias_instead_of_exhausting_memory()
    {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 9).Select(level =>
            $"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n"));

        var diagnostic = SingleError(yaml);

        Assert.Equal("CRDV001", diagnostic.Id);
        Assert.StartsWith("*a", yaml.Substring(diagnostic.Location.SourceSpan.Start), StringComparison.Ordinal);
        Assert.Contains("its aliases expand it to more than", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_json_reader_accepts_is_CRDV001_in_yaml_terms_where_it_gets_too_deep()
    {
        var diagnostic = SingleError("a: " + new string('[', 300) + new string(']', 300) + "\n");

        // The mapping and 63 lists are accepted; the 64th list is one too many.
        AssertAt(diagnostic, "CRDV001", 1, 3 + YamlTree.MaxDepth);
        Assert.Contains($"it nests more than {YamlTree.MaxDepth} mappings and lists deep here", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_as_deep_as_the_json_reader_accepts_is_read()
    {
        var lists = YamlTree.MaxDepth - 1;

        AssertAt(SingleError("a: " + new string('[', lists) + new string(']', lists) + "\n"), "CRDV002", 1, 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("just a string\n")]
    [InlineData("- a list\n")]
    public void Yaml_that_is_no_openapi_document_is_CRDV002(string yaml)
    {
        AssertAt(SingleError(yaml), "CRDV002", 1, 1);
    }

    [Fact]
    public void An_unsupported_openapi_version_is_CRDV002_at_the_version()
    {
        AssertAt(SingleError("info: {title: x, version: '1'}\npaths: {}\nopenapi: 4.0.0\n"), "CRDV002", 3, 1);
    }

    [Fact]
    public void A_broken_reference_is_CRDV003_at_the_ref_key()
    {
        var yaml = Document("""
              /pets:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Missing'}
            """);

        var diagnostic = SingleError(yaml);

        AssertAt(diagnostic, "CRDV003", 13, 24);
        Assert.Contains("#/components/schemas/Missing", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("$ref: '#/components/schemas/Missing'", yaml.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public void A_reference_outside_the_document_is_CRDV003_at_its_ref_and_is_never_followed()
    {
        var diagnostic = SingleError(Document("""
              /pets:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: https://example.invalid/pet.yaml#/Pet
            """));

        AssertAt(diagnostic, "CRDV003", 14, 17);
        Assert.Contains("is a remote reference", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_the_reader_rejects_is_CRDV004_at_the_member_with_no_json_line_numbers_in_its_message()
    {
        var diagnostic = SingleError("openapi: 3.0.0\ninfo:\n  title: x\n  version: '1'\npaths:\n  - 1\n  - 2\n");

        AssertAt(diagnostic, "CRDV004", 5, 1);
        Assert.DoesNotContain(", line ", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_constructs_are_CRDV100_warnings_at_their_yaml_lines_and_the_rest_compiles()
    {
        var run = GeneratorHarness.Run(Path, Document("""
              /things/{id}:
                trace:
                  responses:
                    '200': {description: ok}
                get:
                  operationId: getThing
                  parameters:
                    - {name: where, in: query, schema: {type: object, properties: {a: {type: string}}}}
                  responses:
                    '204': {description: ok}
            """));

        // The TRACE operation at its key; the object-valued parameter and the path segment {id} it leaves unfilled at the operation.
        Assert.Equal(new[] { ("CRDV100", 7, 5), ("CRDV100", 10, 5), ("CRDV100", 10, 5) }, run.GeneratorDiagnostics.Select(diagnostic => (diagnostic.Id, Line(diagnostic), Column(diagnostic))));
        Assert.All(run.GeneratorDiagnostics, diagnostic => Assert.Equal(Path, diagnostic.Location.GetLineSpan().Path));
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
        Assert.Contains("GetThing(string id,", run.Source("Interfaces.g.cs"));
    }

    private static string Document(string paths) =>
        "openapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\npaths:\n" + paths + "\n";

    /// <summary>The JSON form of <paramref name="yaml"/>, failing with the diagnostic if it has none.</summary>
    private static string Convert(string yaml)
    {
        var diagnostics = new DiagnosticSink(Path, yaml);
        var conversion = YamlDocumentText.Convert(yaml, diagnostics, CancellationToken.None);
        Assert.True(conversion is not null, string.Join("\n", diagnostics.ToResult(null).Diagnostics.Select(diagnostic => diagnostic.ToDiagnostic().ToString())));
        return conversion!.Json;
    }

    private static Diagnostic SingleError(string yaml)
    {
        var run = GeneratorHarness.Run(Path, yaml);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Result.GeneratedSources);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        return diagnostic;
    }

    private static void AssertAt(Diagnostic diagnostic, string id, int line, int column)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(Path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal((line, column), (Line(diagnostic), Column(diagnostic)));
    }

    private static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    private static int Column(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1;
}
