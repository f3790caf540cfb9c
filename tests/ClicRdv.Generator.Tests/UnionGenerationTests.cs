using System.Linq;
using ClicRdv.Generator.Tests.PropertyBased;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// Which unions without a discriminator become a union class (the round trips are in the integration tests'
/// UnionTests), and the CRDV102 info, located at the schema with its reason, for those that stay a JsonElement.
/// </summary>
public sealed class UnionGenerationTests
{
    [Fact]
    public void A_union_of_an_open_enum_and_a_boolean_compiles_cleanly()
    {
        // The property-based tests found it: an open enum converts from a string, so from null, and the variant's
        // property "(Color)_value : null" called that conversion with null.
        var run = GeneratorProperties.Check(Document("""
            "Color": { "type": "string", "enum": [ "red" ] },
            "Setting": { "oneOf": [ { "$ref": "#/components/schemas/Color" }, { "type": "boolean" } ] }
            """));

        Assert.Contains("public global::Consumer.Color? Color => _variant == 0 ? (global::Consumer.Color?)_value : null;", run.Source("Contracts.g.cs"));
        Assert.Contains("public bool? Boolean => _variant == 1 ? (bool?)_value : null;", run.Source("Contracts.g.cs"));
    }

    [Fact]
    public void A_union_named_like_a_member_of_its_class_takes_a_suffix()
    {
        // The property-based tests found it: a union named Match declared a method Match (CS0542).
        var run = GeneratorProperties.Check(Document("""
            "Match": { "oneOf": [ { "type": "string" }, { "type": "integer" } ] },
            "Value": { "anyOf": [ { "type": "boolean" }, { "type": "integer" } ] }
            """));

        Assert.Contains("public sealed partial class Match2\n", run.Source("Contracts.g.cs"));
        Assert.Contains("public sealed partial class Value2\n", run.Source("Contracts.g.cs"));
    }

    [Theory]
    [InlineData("""{ "oneOf": [ { "type": "integer" }, { "type": "number" } ] }""", "'Int32' and 'Double' are both a JSON number")]
    [InlineData("""{ "oneOf": [ { "$ref": "#/components/schemas/A" }, { "$ref": "#/components/schemas/B" } ] }""", "'A' is one of several object variants and requires no member that tells it apart")]
    [InlineData("""{ "anyOf": [ { "$ref": "#/components/schemas/Wide" }, { "$ref": "#/components/schemas/B" } ] }""", "an object with the members 'Wide' requires also has all those 'B' requires")]
    [InlineData("""{ "oneOf": [ { "type": "object", "properties": { "x": { "type": "string" } } }, { "type": "string" } ] }""", "a variant is an object or enum written inline, which has no class of its own")]
    public void A_union_no_rule_tells_apart_is_any_JSON_value_with_an_info_at_the_schema_that_says_why(string union, string reason)
    {
        var text = Document($$"""
            "A": { "type": "object", "properties": { "x": { "type": "string" } } },
            "B": { "type": "object", "required": [ "y" ], "properties": { "y": { "type": "string" } } },
            "Wide": { "type": "object", "required": [ "y", "z" ], "properties": { "y": { "type": "string" }, "z": { "type": "string" } } },
            "Either": {{union}}
            """);
        var run = GeneratorProperties.Check(text);

        var info = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CRDV102", DiagnosticSeverity.Info), (info.Id, info.Severity));
        Assert.Equal($"The schema 'Either' in '{GeneratorProperties.DocumentPath}' is a JsonElement, as no rule tells its variants apart: {reason}", info.GetMessage());
        Assert.Equal(text.Split('\n').ToList().FindIndex(line => line.Contains("\"Either\":")), info.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain("class Either", run.Source("Contracts.g.cs"));
    }

    [Fact]
    public void A_union_of_scalars_in_a_query_is_sent_as_the_text_of_the_value_it_holds()
    {
        var run = GeneratorProperties.Check(
            "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Unions\", \"version\": \"1\" },\n" +
            "  \"paths\": { \"/things\": { \"get\": { \"operationId\": \"getThings\", \"parameters\": [ { \"name\": \"id\", \"in\": \"query\", \"schema\": { \"oneOf\": [ { \"type\": \"integer\" }, { \"type\": \"string\" } ] } } ],\n" +
            "    \"responses\": { \"200\": { \"description\": \"ok\" } } } } }\n}\n");

        Assert.Contains("GetThings([global::Refit.Query] GetThingsId? id = default,", run.Source("Interfaces.g.cs"));
        Assert.Contains("RequestUri.AddQuery(ref __query, \"id\", global::ClicRdv.Generated.Support.UrlFormatting.Text(_url, __id, global::ClicRdv.Generated.Support.WireText.Format(__id.Value)));", run.Source("Clients.g.cs"));
    }

    [Fact]
    public void Inline_unions_and_discriminators_are_reported_where_they_are_written()
    {
        // They were reported at the start of the file: the mapper knew where components stand, not inline schemas.
        var text =
            "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Unions\", \"version\": \"1\" },\n" +
            "  \"paths\": { \"/things\": { \"get\": { \"operationId\": \"getThings\",\n" +
            "    \"parameters\": [ { \"name\": \"n\", \"in\": \"query\", \"schema\": { \"oneOf\": [ { \"type\": \"integer\" }, { \"type\": \"number\" } ] } } ],\n" +
            "    \"responses\": { \"200\": { \"description\": \"ok\", \"content\": { \"application/json\": { \"schema\": { \"$ref\": \"#/components/schemas/Holder\" } } } } } } } },\n" +
            "  \"components\": { \"schemas\": {\n" +
            "    \"Holder\": { \"type\": \"object\", \"properties\": {\n" +
            "      \"pet\": { \"type\": \"object\", \"discriminator\": { \"propertyName\": \"\" }, \"properties\": { \"kind\": { \"type\": \"string\" } } } } }\n" +
            "  } }\n}\n";
        var run = GeneratorProperties.Check(text);

        var lines = text.Split('\n').ToList();
        var union = Assert.Single(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "CRDV102");
        var discriminator = Assert.Single(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "CRDV101");
        Assert.Equal(lines.FindIndex(line => line.Contains("\"oneOf\"")), union.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(lines.FindIndex(line => line.Contains("\"pet\"")), discriminator.Location.GetLineSpan().StartLinePosition.Line);
        Assert.StartsWith("The discriminator of /components/schemas/Holder/properties/pet in ", discriminator.GetMessage());
    }

    [Fact]
    public void A_oneOf_beside_properties_adds_the_members_of_every_variant_as_optional_members()
    {
        // Only the properties were kept: the variants' members were left to AdditionalProperties, untyped.
        var run = GeneratorProperties.Check(Document("""
            "Card": { "type": "object", "required": [ "number" ], "properties": { "number": { "type": "string" } } },
            "Payment": { "type": "object", "required": [ "amount" ], "properties": { "amount": { "type": "number" } },
              "oneOf": [ { "$ref": "#/components/schemas/Card" }, { "type": "object", "required": [ "iban" ], "properties": { "iban": { "type": "string" } } } ] }
            """));

        var contracts = run.Source("Contracts.g.cs");
        Assert.Contains("public double Amount { get; set; }", contracts);
        Assert.Contains("public string? Number { get; set; }", contracts.Substring(contracts.IndexOf("class Payment", System.StringComparison.Ordinal)));
        Assert.Contains("public string? Iban { get; set; }", contracts);
    }

    private static string Document(string schemas) =>
        "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Unions\", \"version\": \"1\" },\n" +
        "  \"paths\": { \"/things\": { \"get\": { \"operationId\": \"getThings\", \"responses\": { \"200\": { \"description\": \"ok\" } } } } },\n" +
        "  \"components\": { \"schemas\": {\n" + schemas + "\n  } }\n}\n";
}
