using System;
using System.Linq;
using ClicRdv.Generator.Tests.PropertyBased;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// <c>readOnly</c> members are never written (the emitted metadata says <c>readOnly: true</c>) and stay settable so that
/// answers fill them; <c>writeOnly</c> members and members marked <c>x-tolerant</c> are written but not required in
/// answers, even when the schema requires them; and each says so in its XML documentation. Every case must compile
/// without a warning (<see cref="GeneratorProperties.Check"/>).
/// </summary>
public sealed class MemberAccessTests
{
    private const string ReadOnlyRemark = "    /// <remarks>Sent by the server (readOnly): no request carries it, even when it is set.</remarks>\n";

    [Fact]
    public void A_readOnly_member_is_settable_documented_and_never_written()
    {
        var run = GeneratorProperties.Check(Document("\"id\": { \"type\": \"integer\", \"format\": \"int64\", \"readOnly\": true }"));

        Assert.Equal(
            ReadOnlyRemark +
            "    [__Json.JsonPropertyName(\"id\")]\n" +
            "    [__Json.JsonIgnore(Condition = __Json.JsonIgnoreCondition.WhenWritingNull)]\n" +
            "    public long? Id { get; set; }\n",
            Declaration(run.Source("Contracts.g.cs"), "id"));
        Assert.Equal(
            "__Support.Property<Thing, long?>(o, \"Id\", \"id\", static x => ((Thing)x).Id, static (x, v) => ((Thing)x).Id = v, ignore: __Ignore.WhenWritingNull, readOnly: true),",
            Metadata(run.Source(".api.Json.g.cs"), "Id"));
    }

    [Fact]
    public void A_required_readOnly_member_is_still_required_in_answers()
    {
        var run = GeneratorProperties.Check(Document("\"id\": { \"type\": \"integer\", \"format\": \"int64\", \"readOnly\": true }", required: "id"));

        Assert.Equal(
            ReadOnlyRemark +
            "    [__Json.JsonPropertyName(\"id\")]\n" +
            "    [__Json.JsonRequired]\n" +
            "    public long Id { get; set; }\n",
            Declaration(run.Source("Contracts.g.cs"), "id"));
        Assert.EndsWith(", required: true, readOnly: true),", Metadata(run.Source(".api.Json.g.cs"), "Id"));
    }

    [Theory]
    [InlineData("{ \"$ref\": \"#/components/schemas/Id\" }")]
    [InlineData("{ \"allOf\": [ { \"$ref\": \"#/components/schemas/Id\" } ], \"description\": \"The id.\" }")]
    [InlineData("{ \"allOf\": [ { \"$ref\": \"#/components/schemas/Plain\" }, { \"readOnly\": true } ] }")]
    [InlineData("{ \"$ref\": \"#/components/schemas/Plain\", \"readOnly\": true }")]
    public void ReadOnly_is_found_on_the_referenced_schema_and_the_allOf_parts(string member)
    {
        var run = GeneratorProperties.Check(Document("\"id\": " + member));

        Assert.Contains(ReadOnlyRemark, Declaration(run.Source("Contracts.g.cs"), "id"));
        Assert.EndsWith(", readOnly: true),", Metadata(run.Source(".api.Json.g.cs"), "Id"));
    }

    [Fact]
    public void A_required_writeOnly_member_is_written_but_not_required_in_answers()
    {
        var run = GeneratorProperties.Check(Document("\"password\": { \"type\": \"string\", \"writeOnly\": true }", required: "password"));

        Assert.Equal(
            "    /// <remarks>Only sent (writeOnly): requests carry it, answers are not expected to. An answer without it reads, and the property keeps its initial value, null, although its type is not nullable.</remarks>\n" +
            "    [__Json.JsonPropertyName(\"password\")]\n" +
            "    public string Password { get; set; } = default!;\n",
            Declaration(run.Source("Contracts.g.cs"), "password"));
        Assert.Equal(
            "__Support.Property<Thing, string>(o, \"Password\", \"password\", static x => ((Thing)x).Password, static (x, v) => ((Thing)x).Password = v),",
            Metadata(run.Source(".api.Json.g.cs"), "Password"));
    }

    [Fact]
    public void An_optional_writeOnly_member_is_only_documented()
    {
        var run = GeneratorProperties.Check(Document("\"password\": { \"type\": \"string\", \"writeOnly\": true }"));

        Assert.Equal(
            "    /// <remarks>Only sent (writeOnly): requests carry it, answers are not expected to.</remarks>\n" +
            "    [__Json.JsonPropertyName(\"password\")]\n" +
            "    [__Json.JsonIgnore(Condition = __Json.JsonIgnoreCondition.WhenWritingNull)]\n" +
            "    public string? Password { get; set; }\n",
            Declaration(run.Source("Contracts.g.cs"), "password"));
        Assert.EndsWith("ignore: __Ignore.WhenWritingNull),", Metadata(run.Source(".api.Json.g.cs"), "Password"));
    }

    [Theory]
    [InlineData("{ \"type\": \"integer\", \"x-tolerant\": true }")]
    [InlineData("{ \"allOf\": [ { \"$ref\": \"#/components/schemas/Count\" } ], \"x-tolerant\": true }")]
    [InlineData("{ \"$ref\": \"#/components/schemas/TolerantCount\" }")]
    public void A_required_x_tolerant_member_keeps_its_type_and_is_not_required_in_answers(string member)
    {
        var run = GeneratorProperties.Check(Document("\"count\": " + member, required: "count"));

        Assert.Equal(
            "    /// <remarks>Required, but the server is known to leave it out of answers (x-tolerant): requests always carry it. An answer without it reads, and the property keeps its initial value.</remarks>\n" +
            "    [__Json.JsonPropertyName(\"count\")]\n" +
            "    public int Count { get; set; }\n",
            Declaration(run.Source("Contracts.g.cs"), "count"));
        Assert.Equal(
            "__Support.Property<Thing, int>(o, \"Count\", \"count\", static x => ((Thing)x).Count, static (x, v) => ((Thing)x).Count = v),",
            Metadata(run.Source(".api.Json.g.cs"), "Count"));
    }

    [Fact]
    public void A_required_x_tolerant_member_with_a_default_keeps_the_default()
    {
        var run = GeneratorProperties.Check(Document("\"count\": { \"type\": \"integer\", \"default\": 3, \"x-tolerant\": true }", required: "count"));

        Assert.Contains(
            "    /// <remarks>Required, but the server is known to leave it out of answers (x-tolerant): requests always carry it. An answer without it reads, and the property keeps its default.</remarks>\n",
            Declaration(run.Source("Contracts.g.cs"), "count"));
        Assert.Contains("public int Count { get; set; } = 3;", run.Source("Contracts.g.cs"));
    }

    [Fact]
    public void X_tolerant_on_an_optional_member_changes_nothing()
    {
        var run = GeneratorProperties.Check(Document("\"count\": { \"type\": \"integer\", \"x-tolerant\": true }"));

        Assert.Equal(
            "    [__Json.JsonPropertyName(\"count\")]\n" +
            "    [__Json.JsonIgnore(Condition = __Json.JsonIgnoreCondition.WhenWritingNull)]\n" +
            "    public int? Count { get; set; }\n",
            Declaration(run.Source("Contracts.g.cs"), "count"));
    }

    [Fact]
    public void X_tolerant_on_an_object_schema_applies_to_each_of_its_required_members_and_to_them_only()
    {
        var run = GeneratorProperties.Check(Document(
            "\"name\": { \"type\": \"string\" }, \"count\": { \"type\": \"integer\" }, \"note\": { \"type\": \"string\" }, \"owner\": { \"$ref\": \"#/components/schemas/Owner\" }",
            required: "name\", \"count\", \"owner",
            thing: "\"x-tolerant\": true, "));

        var contracts = run.Source("Contracts.g.cs");
        var json = run.Source(".api.Json.g.cs");
        foreach (var (wireName, name) in new[] { ("name", "Name"), ("count", "Count"), ("owner", "Owner") })
        {
            Assert.Contains("(x-tolerant)", Declaration(contracts, wireName));
            Assert.DoesNotContain("JsonRequired", Declaration(contracts, wireName));
            Assert.DoesNotContain("required: true", Metadata(json, name));
        }

        Assert.Contains("public string Name { get; set; } = default!;", contracts);
        Assert.DoesNotContain("remarks", Declaration(contracts, "note"));

        // Owner's own required member: Owner has no marker, so an answer without it still fails.
        Assert.Contains("[__Json.JsonRequired]\n    public string Login { get; set; }", contracts);
    }

    [Fact]
    public void A_member_referencing_an_x_tolerant_object_is_still_required_its_members_are_not()
    {
        var run = GeneratorProperties.Check(Document(
            "\"account\": { \"$ref\": \"#/components/schemas/TolerantAccount\" }",
            required: "account"));

        var contracts = run.Source("Contracts.g.cs");
        Assert.Equal(
            "    [__Json.JsonPropertyName(\"account\")]\n" +
            "    [__Json.JsonRequired]\n" +
            "    public TolerantAccount Account { get; set; } = default!;\n",
            Declaration(contracts, "account"));
        Assert.Contains("(x-tolerant)", Declaration(contracts, "login", inClass: "TolerantAccount"));
        Assert.DoesNotContain("required: true", Metadata(run.Source(".api.Json.g.cs"), "Login", declaring: "TolerantAccount"));
    }

    [Fact]
    public void A_member_that_is_neither_stays_required()
    {
        var run = GeneratorProperties.Check(Document("\"name\": { \"type\": \"string\" }", required: "name"));

        Assert.Equal(
            "    [__Json.JsonPropertyName(\"name\")]\n" +
            "    [__Json.JsonRequired]\n" +
            "    public string Name { get; set; } = default!;\n",
            Declaration(run.Source("Contracts.g.cs"), "name"));
        Assert.EndsWith(", required: true),", Metadata(run.Source(".api.Json.g.cs"), "Name"));
    }

    [Fact]
    public void A_form_body_leaves_out_its_readOnly_fields_and_keeps_its_writeOnly_ones()
    {
        var run = GeneratorProperties.Check(Document(
            "\"id\": { \"type\": \"integer\", \"readOnly\": true }, \"password\": { \"type\": \"string\", \"writeOnly\": true }, \"login\": { \"type\": \"string\" }",
            mediaType: "application/x-www-form-urlencoded"));

        var clients = run.Source("Clients.g.cs");
        Assert.Contains("__form.Add(\"password\", ", clients);
        Assert.Contains("__form.Add(\"login\", ", clients);
        Assert.DoesNotContain("__form.Add(\"id\", ", clients);
    }

    /// <summary>The lines of the property whose wire name is <paramref name="wireName"/>, its documentation included.</summary>
    private static string Declaration(string contracts, string wireName, string inClass = "Thing")
    {
        var lines = ClassBody(contracts, inClass);
        var name = Array.IndexOf(lines, $"    [__Json.JsonPropertyName(\"{wireName}\")]");
        Assert.True(name >= 0, $"No member '{wireName}' in {inClass}.");
        var first = name;
        while (lines[first - 1].StartsWith("    ///", StringComparison.Ordinal))
        {
            first--;
        }

        var last = Array.FindIndex(lines, name, line => line.Contains("{ get; set; }", StringComparison.Ordinal));
        return string.Concat(lines.Skip(first).Take(last - first + 1).Select(line => line + "\n"));
    }

    /// <summary>The emitted metadata of one property, as one line without its indentation.</summary>
    private static string Metadata(string json, string propertyName, string declaring = "Thing") =>
        Assert.Single(json.Split('\n'), line => line.Contains($"__Support.Property<{declaring}, ", StringComparison.Ordinal) && line.Contains($"(o, \"{propertyName}\",", StringComparison.Ordinal)).Trim();

    private static string[] ClassBody(string contracts, string name)
    {
        var start = contracts.IndexOf($"partial class {name}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No class {name}.");
        var end = contracts.IndexOf("\n}\n", start, StringComparison.Ordinal);
        return contracts.Substring(start, end - start).Split('\n');
    }

    private static string Document(string members, string? required = null, string thing = "", string mediaType = "application/json") => """
        {
          "openapi": "3.0.3",
          "info": { "title": "Access", "version": "1" },
          "paths": {
            "/things": { "post": { "operationId": "createThing",
              "requestBody": { "content": { "MEDIA": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
              "responses": { "200": { "description": "Created.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } } } }
          },
          "components": { "schemas": {
            "Id": { "type": "integer", "format": "int64", "readOnly": true },
            "Plain": { "type": "integer", "format": "int64" },
            "Count": { "type": "integer" },
            "TolerantCount": { "type": "integer", "x-tolerant": true },
            "Owner": { "type": "object", "required": [ "login" ], "properties": { "login": { "type": "string" } } },
            "TolerantAccount": { "type": "object", "x-tolerant": true, "required": [ "login" ], "properties": { "login": { "type": "string" } } },
            "Thing": { "type": "object", THING"required": [ REQUIRED ], "properties": { MEMBERS } }
          } }
        }
        """.Replace("MEDIA", mediaType).Replace("THING", thing).Replace("REQUIRED", required is null ? string.Empty : "\"" + required + "\"").Replace("MEMBERS", members);
}
