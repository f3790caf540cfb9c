using System.Linq;
using ClicRdv.Generator.Tests.PropertyBased;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// Documents the property-based tests (GeneratorPropertyTests) found to break the generator, cut down to what breaks
/// it, each kept as a plain test so that the fix stays whatever the random cases become.
/// </summary>
public sealed class RobustnessRegressionTests
{
    [Fact]
    public void A_schema_that_is_one_of_itself_does_not_overflow_the_stack()
    {
        // NJsonSchema's own IsNullable follows oneOf and $ref with no guard: this crashed the compiler process.
        var run = GeneratorProperties.Check(WithSchemas(
            "\"Node\": { \"oneOf\": [ { \"$ref\": \"#/components/schemas/Node\" }, { \"type\": \"string\" } ] }"));

        Assert.Contains("class Holder", run.Source("Contracts.g.cs"));
    }

    [Fact]
    public void A_schema_that_is_a_reference_to_itself_is_CRDV003_at_the_schema()
    {
        // NJsonSchema threw "Cyclic references detected.", reported as CRDV099 with no useful place.
        var run = GeneratorProperties.Check(WithSchemas("\"Loop\": { \"$ref\": \"#/components/schemas/Loop\" }"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV003", diagnostic.Id);
        Assert.Equal(7, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("'#/components/schemas/Loop -> #/components/schemas/Loop'", diagnostic.GetMessage());
    }

    [Fact]
    public void Two_schemas_that_are_references_to_each_other_are_one_CRDV003_naming_the_cycle()
    {
        var run = GeneratorProperties.Check(WithSchemas(
            "\"Ping\": { \"$ref\": \"#/components/schemas/Pong\" },\n" +
            "\"Pong\": { \"$ref\": \"#/components/schemas/Ping\" }"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV003", diagnostic.Id);
        Assert.Equal(7, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("'#/components/schemas/Ping -> ", diagnostic.GetMessage());
    }

    [Fact]
    public void A_parameter_named_await_is_escaped_in_the_async_client_method()
    {
        var run = GeneratorProperties.Check(WithOperation("\"parameters\": [ { \"name\": \"await\", \"in\": \"query\", \"schema\": { \"type\": \"string\" } } ]"));

        Assert.Contains("string? @await = default", run.Source("Clients.g.cs"));
    }

    [Fact]
    public void Line_and_paragraph_separators_in_descriptions_do_not_end_the_comment()
    {
        // The C# compiler ends a line at U+0085, U+2028 and U+2029 too: the rest of a /// line became code.
        var run = GeneratorProperties.Check(WithOperation("\"description\": \"one\u2028two\u2029three\u0085four\""));

        Assert.Contains("/// two", run.Source("Interfaces.g.cs"));
    }

    [Fact]
    public void Characters_xml_cannot_hold_are_replaced_in_documentation()
    {
        var run = GeneratorProperties.Check(WithOperation("\"parameters\": [ { \"name\": \"nul\\u0000l\", \"in\": \"header\", \"schema\": { \"type\": \"string\" } } ]"));

        Assert.Contains("The header parameter 'nul\uFFFDl'.", run.Source("Interfaces.g.cs"));
    }

    [Fact]
    public void An_operation_named_like_its_interface_gets_another_name_and_one_named_like_a_helper_keeps_its_name()
    {
        // The helpers are named in full (global::ClicRdv.Generated.Support...), so no method can hide them.
        var run = GeneratorProperties.Check(WithOperation("\"operationId\": \"ClientRuntime\", \"tags\": [ \"pets\" ]") .Replace("\"/op\": { \"get\"", "\"/other\": { \"get\": { \"operationId\": \"IPetsApi\", \"tags\": [ \"pets\" ], \"responses\": { \"204\": { \"description\": \"ok\" } } } },\n    \"/op\": { \"get\""));

        Assert.Contains(" ClientRuntime(", run.Source("Interfaces.g.cs"));
        Assert.Contains(" IPetsApi2(", run.Source("Interfaces.g.cs"));
    }

    [Fact]
    public void Form_fields_use_the_names_the_class_gave_its_properties()
    {
        // The fields were named afresh, so a "ToString" field was written as the method group ToString.
        var run = GeneratorProperties.Check(WithOperation(
            "\"requestBody\": { \"content\": { \"application/x-www-form-urlencoded\": { \"schema\": { \"type\": \"object\", \"properties\": { \"ToString\": { \"type\": \"string\" } } } } } }"));

        Assert.Contains("__body.ToString2", run.Source("Clients.g.cs"));
    }

    [Fact]
    public void A_schema_named_AdditionalProperties_does_not_clash_with_the_extension_data_property()
    {
        var run = GeneratorProperties.Check(WithSchemas("\"AdditionalProperties\": { \"type\": \"object\", \"properties\": { \"id\": { \"type\": \"string\" } } }"));

        Assert.Contains("class AdditionalProperties2", run.Source("Contracts.g.cs"));
    }

    [Fact]
    public void A_deep_object_array_skips_null_items()
    {
        var run = GeneratorProperties.Check(WithOperation(
            "\"parameters\": [ { \"name\": \"filter\", \"in\": \"query\", \"style\": \"deepObject\", \"schema\": { \"type\": \"array\", \"items\": " +
            "{ \"type\": \"object\", \"nullable\": true, \"properties\": { \"id\": { \"type\": \"string\" } }, \"required\": [ \"id\" ] } } } ]"));

        Assert.Contains("if (__item is { } ", run.Source("Clients.g.cs"));
    }

    [Fact]
    public void An_enum_named_like_a_member_of_object_gets_another_name()
    {
        // Inside its converter class, "Equals.Value" found the inherited method Equals instead of the enum (CS0119).
        var document = WithSchemas("\"Equals\": { \"type\": \"string\", \"enum\": [ \"a\", \"ToString\" ] }");

        var open = GeneratorProperties.Check(document).Source("Contracts.g.cs");
        var closed = GeneratorProperties.Check(document, closedEnums: true).Source("Contracts.g.cs");

        // An open enum's value cannot take the name of a method the struct inherits either.
        Assert.Contains("public readonly partial struct Equals2", open);
        Assert.Contains("public static Equals2 ToString2 { get; } = new(\"ToString\");", open);
        Assert.Contains("public enum Equals2", closed);
    }

    [Fact]
    public void A_null_entry_in_the_tags_is_ignored()
    {
        // It was a NullReferenceException, reported as CRDV099.
        var run = GeneratorProperties.Check(WithOperation("\"tags\": [ \"pets\" ]").Replace("\"paths\"", "\"tags\": [ null, { \"name\": \"pets\" } ],\n  \"paths\""));

        Assert.Contains("interface IPetsApi", run.Source("Interfaces.g.cs"));
    }

    [Theory]
    [InlineData("parameters", "\"parameters\": [ { \"$ref\": \"#/components/parameters/A\" } ]")]
    [InlineData("responses", "\"responses\": { \"200\": { \"$ref\": \"#/components/responses/A\" } }")]
    [InlineData("requestBodies", "\"requestBody\": { \"$ref\": \"#/components/requestBodies/A\" }")]
    public void References_that_loop_between_components_other_than_schemas_are_a_located_error(string section, string use)
    {
        var text = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Regression\", \"version\": \"1\" },\n" +
            "  \"paths\": { \"/op\": { \"post\": { " + use + (section == "responses" ? string.Empty : ", \"responses\": { \"204\": { \"description\": \"ok\" } }") + " } } },\n" +
            "  \"components\": { \"" + section + "\": {\n" +
            "    \"A\": { \"$ref\": \"#/components/" + section + "/B\" },\n" +
            "    \"B\": { \"$ref\": \"#/components/" + section + "/A\" }\n  } }\n}\n";

        // They were read as empty: a parameter left out with a warning, a body or an answer dropped without a word.
        var run = GeneratorProperties.Check(text);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV003", diagnostic.Id);
        Assert.Equal(7, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains($"'#/components/{section}/B -> ", diagnostic.GetMessage());
    }

    [Fact]
    public void A_schema_that_is_all_of_itself_twice_finishes()
    {
        // Each allOf part was walked again for every path to it: 2^64 walks, a build that never ended.
        var run = GeneratorProperties.Check(WithSchemas(
            "\"Loop\": { \"allOf\": [ { \"$ref\": \"#/components/schemas/Loop\" }, { \"$ref\": \"#/components/schemas/Loop\" } ], \"properties\": { \"id\": { \"type\": \"string\" } } }"));

        Assert.Contains("class Loop", run.Source("Contracts.g.cs"));
    }

    [Fact]
    public void Two_schemas_that_are_all_of_each_other_have_no_base_class_and_each_takes_the_others_members()
    {
        // Which one became the base depended on which was mapped first; neither can be the other's ancestor.
        var run = GeneratorProperties.Check(WithSchemas(
            "\"Ping\": { \"allOf\": [ { \"$ref\": \"#/components/schemas/Pong\" }, { \"properties\": { \"ping\": { \"type\": \"string\" } } } ] },\n" +
            "\"Pong\": { \"allOf\": [ { \"$ref\": \"#/components/schemas/Ping\" }, { \"properties\": { \"pong\": { \"type\": \"string\" }, \"referenceEquals\": { \"type\": \"string\" } } } ] }"));

        var contracts = run.Source("Contracts.g.cs");
        Assert.Contains("public partial class Ping\n", contracts);
        Assert.Contains("public partial class Pong\n", contracts);
        foreach (var member in new[] { "Ping", "Ping2", "Pong", "Pong2" })
        {
            Assert.Contains($"public string? {member} {{", contracts);
        }

        // A member may not hide object's static ReferenceEquals either (CS0108).
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(contracts, "public string\\? ReferenceEquals2 \\{").Count);
    }

    [Theory]
    [InlineData("Value")]
    [InlineData("IsKnown")]
    public void An_open_enum_named_like_a_member_of_open_enums_gets_another_name(string name)
    {
        // The struct's own member took the type's name (CS0542).
        var run = GeneratorProperties.Check(WithSchemas($"\"{name}\": {{ \"type\": \"string\", \"enum\": [ \"a\" ] }}"));

        Assert.Contains($"public readonly partial struct {name}2", run.Source("Contracts.g.cs"));
    }

    [Fact]
    public void A_member_named_AdditionalProperties_is_read_and_written_beside_the_extension_data()
    {
        // The property-based tests found it: the metadata gave the extension data the JSON name of that member, and
        // every read or write of the class threw "The JSON property name ... collides with another property".
        var run = GeneratorProperties.Check(WithSchemas(
            "\"Thing\": { \"type\": \"object\", \"properties\": { \"AdditionalProperties\": { \"type\": \"string\" }, \"additionalProperties2\": { \"type\": \"string\" } } }"));
        using var loaded = new Infrastructure.LoadedCompilation(run.Compilation);
        var thing = loaded.Assembly.GetTypes().Single(type => type.Name == "Thing");
        var info = loaded.JsonContext().GetTypeInfo(thing)!;
        const string json = """{"AdditionalProperties":"declared","additionalProperties2":"also declared","other":1}""";

        var read = System.Text.Json.JsonSerializer.Deserialize(json, info)!;

        Assert.Equal("declared", thing.GetProperty("AdditionalProperties2")!.GetValue(read));
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(read, info));
    }

    /// <summary>A document with one operation, GET /op, with the given members added to it.</summary>
    private static string WithOperation(string members) =>
        "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Regression\", \"version\": \"1\" },\n  \"paths\": {\n" +
        "    \"/op\": { \"get\": { " + members + ", \"responses\": { \"204\": { \"description\": \"ok\" } } } }\n  }\n}\n";

    /// <summary>A document whose only operation returns a Holder, an object with one property of each named schema.</summary>
    private static string WithSchemas(string schemas)
    {
        var names = System.Text.RegularExpressions.Regex.Matches(schemas, @"^""([^""]+)"":", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(match => match.Groups[1].Value);
        var holder = string.Join(", ", names.Select(name => $"\"{name.ToLowerInvariant()}\": {{ \"$ref\": \"#/components/schemas/{name}\" }}"));
        return "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Regression\", \"version\": \"1\" },\n" +
            "  \"paths\": { \"/holder\": { \"get\": { \"operationId\": \"getHolder\", \"responses\": { \"200\": { \"description\": \"ok\",\n" +
            "    \"content\": { \"application/json\": { \"schema\": { \"$ref\": \"#/components/schemas/Holder\" } } } } } } } },\n" +
            "  \"components\": { \"schemas\": {\n" + schemas + ",\n" +
            "\"Holder\": { \"type\": \"object\", \"properties\": { " + holder + " } }\n  } }\n}\n";
    }
}
