using ClicRdv.Generator.Tests.PropertyBased;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// A member with a <c>default</c> starts with that value, so that a request built from a new contract carries what the
/// server would assume, and the XML documentation says so. A default its type cannot hold gives no initializer.
/// </summary>
public sealed class MemberDefaultTests
{
    [Theory]
    [InlineData("{ \"type\": \"boolean\", \"default\": true }", "public bool? Value { get; set; } = true;", "true")]
    [InlineData("{ \"type\": \"integer\", \"default\": 15 }", "public int? Value { get; set; } = 15;", "15")]
    [InlineData("{ \"type\": \"integer\", \"format\": \"int64\", \"default\": -9000000000 }", "public long? Value { get; set; } = -9000000000L;", "-9000000000")]
    [InlineData("{ \"type\": \"number\", \"default\": 2.5 }", "public double? Value { get; set; } = 2.5d;", "2.5")]
    [InlineData("{ \"type\": \"number\", \"format\": \"float\", \"default\": 1 }", "public float? Value { get; set; } = 1f;", "1")]
    [InlineData("{ \"type\": \"number\", \"format\": \"decimal\", \"default\": 19.99 }", "public decimal? Value { get; set; } = 19.99m;", "19.99")]
    [InlineData("{ \"type\": \"string\", \"default\": \"#dd\\\"dd\" }", "public string? Value { get; set; } = \"#dd\\\"dd\";", "\"#dd\"dd\"")]
    [InlineData("{ \"$ref\": \"#/components/schemas/Color\", \"default\": \"dark blue\" }", "public Color? Value { get; set; } = Color.DarkBlue;", "\"dark blue\"")]
    [InlineData("{ \"allOf\": [ { \"$ref\": \"#/components/schemas/Level\" } ], \"default\": 10 }", "public Level? Value { get; set; } = Level.Value10;", "10")]
    public void A_default_the_type_can_hold_is_the_initial_value_and_is_documented(string member, string property, string shown)
    {
        var contracts = GeneratorProperties.Check(Document(member)).Source("Contracts.g.cs");

        Assert.Contains(property, contracts);
        Assert.Contains($"    /// <value>Starts as {shown}, the document's default.</value>\n", contracts);
    }

    [Theory]
    [InlineData("{ \"type\": \"integer\", \"default\": \"ten\" }", "public int? Value { get; set; }\n")]
    [InlineData("{ \"type\": \"integer\", \"default\": 3000000000 }", "public int? Value { get; set; }\n")]
    [InlineData("{ \"type\": \"boolean\", \"default\": 1 }", "public bool? Value { get; set; }\n")]
    [InlineData("{ \"$ref\": \"#/components/schemas/Color\", \"default\": \"purple\" }", "public Color? Value { get; set; }\n")]
    [InlineData("{ \"type\": \"array\", \"items\": { \"type\": \"string\" }, \"default\": [ \"a\" ] }", "public global::System.Collections.Generic.List<string>? Value { get; set; }\n")]
    [InlineData("{ \"type\": \"string\", \"format\": \"date-time\", \"default\": \"2024-01-01T00:00:00Z\" }", "public global::System.DateTimeOffset? Value { get; set; }\n")]
    public void A_default_the_type_cannot_hold_gives_no_initializer_and_the_code_still_compiles(string member, string property)
    {
        var contracts = GeneratorProperties.Check(Document(member)).Source("Contracts.g.cs");

        Assert.Contains(property, contracts);
        Assert.DoesNotContain("the document's default", contracts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_query_parameter_that_is_allOf_an_enum_and_a_default_is_that_enum_documented_with_its_default(bool closedEnums)
    {
        var run = GeneratorProperties.Check("""
            {
              "openapi": "3.0.3",
              "info": { "title": "Defaults", "version": "1" },
              "paths": {
                "/things": { "get": { "operationId": "listThings", "parameters": [
                  { "name": "color", "in": "query", "description": "The things' color.",
                    "schema": { "allOf": [ { "$ref": "#/components/schemas/Color" }, { "default": "dark blue" } ] } },
                  { "name": "level", "in": "query", "schema": { "allOf": [ { "$ref": "#/components/schemas/Level" }, { "default": 10, "description": "How loud." } ] } }
                ], "responses": { "204": { "description": "Listed." } } } }
              },
              "components": { "schemas": {
                "Color": { "type": "string", "enum": [ "red", "dark blue" ] },
                "Level": { "type": "integer", "enum": [ 1, 10 ] }
              } }
            }
            """, closedEnums);

        var interfaces = run.Source("Interfaces.g.cs");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("ListThings([global::Refit.Query] Color? color = default, [global::Refit.Query] Level? level = default,", interfaces);
        Assert.Contains("/// <param name=\"color\">The things' color. Not sent when null; the server then assumes the document's default, \"dark blue\".</param>", interfaces);
        Assert.Contains("/// <param name=\"level\">The query parameter 'level'. Not sent when null; the server then assumes the document's default, 10.</param>", interfaces);
        // No class is made of the allOf (it would be named after the operation and the parameter).
        Assert.DoesNotContain(run.DocumentTexts, source => source.Text.Contains("ListThingsColor") || source.Text.Contains("ListThingsLevel"));
    }

    private static string Document(string member) => """
        {
          "openapi": "3.0.3",
          "info": { "title": "Defaults", "version": "1" },
          "paths": {
            "/things": { "post": { "operationId": "createThing",
              "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
              "responses": { "204": { "description": "Created." } } } }
          },
          "components": { "schemas": {
            "Color": { "type": "string", "enum": [ "red", "dark blue" ] },
            "Level": { "type": "integer", "enum": [ 1, 10 ] },
            "Thing": { "type": "object", "properties": { "value": MEMBER } }
          } }
        }
        """.Replace("MEMBER", member);
}
