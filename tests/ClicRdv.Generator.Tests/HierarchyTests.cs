using System.Linq;
using ClicRdv.Generator.Tests.PropertyBased;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// How discriminators become class hierarchies (the round trips are in the integration tests' PolymorphismTests), and
/// the CRDV101 info, located at the schema, when a discriminator cannot make one.
/// </summary>
public sealed class HierarchyTests
{
    [Fact]
    public void The_variants_of_a_discriminated_oneOf_derive_from_it_and_lose_their_copy_of_the_discriminator()
    {
        var run = GeneratorProperties.Check(Document("""
            "Pet": { "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ], "discriminator": { "propertyName": "kind" } },
            "Cat": { "type": "object", "required": [ "kind" ], "properties": { "kind": { "type": "string" }, "lives": { "type": "integer" } } },
            "Dog": { "type": "object", "required": [ "kind" ], "properties": { "kind": { "type": "string", "enum": [ "Dog" ] }, "barks": { "type": "boolean" } } }
            """));

        var contracts = run.Source("Contracts.g.cs");
        Assert.Contains("public partial class Cat : Pet\n{\n    /// <summary>A new Cat, whose Kind is \"Cat\".</summary>\n    public Cat()\n    {\n        Kind = \"Cat\";\n    }", contracts);
        Assert.Contains("public partial class Dog : Pet", contracts);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(contracts, "JsonPropertyName\\(\"kind\"\\)"));
        Assert.Contains("    public string Kind { get; internal set; } = string.Empty;", contracts);
        Assert.Contains("__Support.Discriminated<Pet>(options, Create_Pet(options), \"kind\", static (x, v) => x.Kind = v, new (string, global::System.Type)[] { (\"Cat\", typeof(Cat)), (\"Dog\", typeof(Dog)) })", run.Source(".api.Json.g.cs"));
    }

    [Fact]
    public void The_same_discriminated_oneOf_written_inline_in_two_places_is_one_class_named_after_its_component()
    {
        const string union = """{ "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ], "discriminator": { "propertyName": "kind" } }""";
        var run = GeneratorProperties.Check(Document($$"""
            "Owner": { "type": "object", "properties": { "pet": {{union}} } },
            "Shelter": { "type": "object", "properties": { "resident": {{union}} } },
            "Pet": {{union}},
            "Cat": { "type": "object", "properties": { "kind": { "type": "string" } } },
            "Dog": { "type": "object", "properties": { "kind": { "type": "string" } } }
            """));

        var contracts = run.Source("Contracts.g.cs");
        Assert.Contains("public Pet? Pet { get; set; }", contracts);
        Assert.Contains("public Pet? Resident { get; set; }", contracts);
        Assert.DoesNotContain("class OwnerPet", contracts);
        Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "CRDV101");
    }

    [Fact]
    public void A_variant_that_already_has_a_base_class_keeps_it_and_the_union_keeps_every_member_with_an_info_at_the_schema()
    {
        var text = Document("""
            "Animal": { "type": "object", "properties": { "legs": { "type": "integer" } } },
            "Pet": { "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ], "discriminator": { "propertyName": "kind" } },
            "Cat": { "allOf": [ { "$ref": "#/components/schemas/Animal" }, { "properties": { "kind": { "type": "string" } } } ] },
            "Dog": { "type": "object", "properties": { "kind": { "type": "string" } } }
            """);
        var run = GeneratorProperties.Check(text);

        var info = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CRDV101", DiagnosticSeverity.Info), (info.Id, info.Severity));
        Assert.Contains("/components/schemas/Pet", info.GetMessage());
        Assert.Contains("'Cat' already derives from 'Animal'", info.GetMessage());
        Assert.Equal(text.Split('\n').ToList().FindIndex(line => line.Contains("\"Pet\": {")), info.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("public partial class Cat : Animal", run.Source("Contracts.g.cs"));
        Assert.Contains("public global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties", run.Source("Contracts.g.cs"));
    }

    [Fact]
    public void A_mapping_value_outside_the_hierarchy_is_reported_and_reads_as_the_base()
    {
        var run = GeneratorProperties.Check(Document("""
            "Pet": { "type": "object", "properties": { "kind": { "type": "string" } }, "discriminator": { "propertyName": "kind", "mapping": { "cat": "#/components/schemas/Cat", "rock": "#/components/schemas/Rock" } } },
            "Cat": { "allOf": [ { "$ref": "#/components/schemas/Pet" }, { "properties": { "lives": { "type": "integer" } } } ] },
            "Rock": { "type": "object", "properties": { "weight": { "type": "number" } } }
            """));

        var info = Assert.Single(run.GeneratorDiagnostics);
        Assert.Contains("the mapping's value 'rock' names no class of the hierarchy of 'Pet'", info.GetMessage());
        Assert.Contains("new (string, global::System.Type)[] { (\"cat\", typeof(Cat)) }", run.Source(".api.Json.g.cs"));
        Assert.Contains("public Pet()\n    {\n        Kind = \"Pet\";\n    }", run.Source("Contracts.g.cs"));
    }

    [Fact]
    public void A_discriminator_the_root_does_not_declare_is_named_unlike_the_members_of_its_descendants()
    {
        // Found by the property-based tests: the root's new Kind hid a descendant's "Kind" (CS0108), and each
        // constructor set the descendant's integer instead (CS0029).
        var run = GeneratorProperties.Check(Document("""
            "Pet": { "type": "object", "properties": { "name": { "type": "string" } }, "discriminator": { "propertyName": "kind" } },
            "Cat": { "allOf": [ { "$ref": "#/components/schemas/Pet" }, { "properties": { "Kind": { "type": "integer" } } } ] },
            "Shape": { "oneOf": [ { "$ref": "#/components/schemas/Circle" }, { "$ref": "#/components/schemas/Square" } ], "discriminator": { "propertyName": "type" } },
            "Circle": { "type": "object", "properties": { "Type": { "type": "string", "format": "date" } } },
            "Square": { "type": "object", "properties": { "side": { "type": "number" } } }
            """));

        var contracts = run.Source("Contracts.g.cs");
        Assert.Contains("    [__Json.JsonPropertyName(\"kind\")]\n    public string Kind2 { get; internal set; } = string.Empty;", contracts);
        Assert.Contains("    public Cat()\n    {\n        Kind2 = \"Cat\";\n    }", contracts);
        Assert.Contains("public int? Kind { get; set; }", contracts);
        Assert.Contains("    [__Json.JsonPropertyName(\"type\")]\n    public string Type2 { get; internal set; } = string.Empty;", contracts);
        Assert.Contains("public global::System.DateOnly? Type { get; set; }", contracts);
        Assert.Contains("__Support.Discriminated<Shape>(options, Create_Shape(options), \"type\", static (x, v) => x.Type2 = v, new (string, global::System.Type)[] { (\"Circle\", typeof(Circle)), (\"Square\", typeof(Square)) })", run.Source(".api.Json.g.cs"));
    }

    [Fact]
    public void A_oneOf_of_a_class_and_its_subclasses_is_the_class()
    {
        var run = GeneratorProperties.Check(Document("""
            "Fruit": { "type": "object", "properties": { "name": { "type": "string" } } },
            "Apple": { "allOf": [ { "$ref": "#/components/schemas/Fruit" }, { "properties": { "edible": { "type": "boolean" } } } ] },
            "Basket": { "type": "object", "properties": { "any": { "oneOf": [ { "$ref": "#/components/schemas/Fruit" }, { "$ref": "#/components/schemas/Apple" } ] } } }
            """));

        Assert.Contains("public Fruit? Any { get; set; }", run.Source("Contracts.g.cs"));
    }

    [Fact]
    public void A_component_that_only_refers_to_an_object_is_a_subclass_of_it()
    {
        var run = GeneratorProperties.Check(Document("""
            "Animal": { "type": "object", "properties": { "legs": { "type": "integer" } } },
            "Creature": { "description": "Another name.", "allOf": [ { "$ref": "#/components/schemas/Animal" } ] }
            """));

        Assert.Contains("/// <summary>Another name.</summary>\n[global::System.CodeDom.Compiler.GeneratedCode(\"ClicRdv.Generator\", \"{version}\")]\npublic partial class Creature : Animal\n{\n}", run.Source("Contracts.g.cs").Replace(ThisVersion, "{version}"));
    }

    [Fact]
    public void A_component_that_renames_a_renaming_component_is_a_subclass_of_it_and_reads_by_its_own_value()
    {
        // The property-based tests found it: Being was taken for another name of Creature, so "being" read as a Creature.
        var run = GeneratorProperties.Check(Document("""
            "Animal": { "type": "object", "properties": { "kind": { "type": "string" }, "legs": { "type": "integer" } },
                        "discriminator": { "propertyName": "kind", "mapping": { "creature": "Creature", "being": "Being" } } },
            "Creature": { "allOf": [ { "$ref": "#/components/schemas/Animal" } ] },
            "Being": { "allOf": [ { "$ref": "#/components/schemas/Creature" } ] }
            """));

        Assert.Contains("public partial class Being : Creature\n", run.Source("Contracts.g.cs"));
        Assert.Contains("new (string, global::System.Type)[] { (\"creature\", typeof(Creature)), (\"being\", typeof(Being)) }", run.Source(".api.Json.g.cs"));
    }

    [Fact]
    public void A_base_with_a_member_of_its_own_subclass_keeps_the_subclass()
    {
        // The base (mapped first, in ordinal order) was still being mapped when its member reached the subclass, so the
        // subclass got no base class.
        var run = GeneratorProperties.Check(Document("""
            "Node": { "type": "object", "required": [ "kind" ], "properties": { "kind": { "type": "string" }, "first": { "$ref": "#/components/schemas/Twig" } }, "discriminator": { "propertyName": "kind" } },
            "Twig": { "allOf": [ { "$ref": "#/components/schemas/Node" }, { "properties": { "text": { "type": "string" } } } ] }
            """));

        var contracts = run.Source("Contracts.g.cs");
        Assert.Contains("public partial class Twig : Node", contracts);
        Assert.Contains("public Twig? First { get; set; }", contracts);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(contracts, "JsonPropertyName\\(\"kind\"\\)"));
        Assert.Contains("(\"Twig\", typeof(Twig))", run.Source(".api.Json.g.cs"));
    }

    [Fact]
    public void A_form_body_typed_as_a_subclass_sends_the_discriminator_its_root_does_not_declare()
    {
        // The form's fields were taken before the hierarchy gave the root its discriminator.
        var text = Document("""
            "Shape": { "type": "object", "properties": { "size": { "type": "integer" } }, "discriminator": { "propertyName": "shapeKind" } },
            "Square": { "allOf": [ { "$ref": "#/components/schemas/Shape" }, { "properties": { "side": { "type": "integer" } } } ] }
            """).Replace(
            "\"/things\": { \"get\": { \"operationId\": \"getThings\",",
            "\"/things\": { \"post\": { \"operationId\": \"postSquare\", \"requestBody\": { \"content\": { \"application/x-www-form-urlencoded\": { \"schema\": { \"$ref\": \"#/components/schemas/Square\" } } } },");
        var run = GeneratorProperties.Check(text);

        var clients = run.Source("Clients.g.cs");
        Assert.Contains("__form.Add(\"side\", ", clients);
        Assert.Contains("__form.Add(\"shapeKind\", __body.ShapeKind);", clients);
        Assert.Contains("__form.Add(\"size\", ", clients);
    }

    private static readonly string ThisVersion = typeof(ClicRdv.Generator.OpenApiClientGenerator).Assembly.GetName().Version!.ToString();

    private static string Document(string schemas) =>
        "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Hierarchies\", \"version\": \"1\" },\n" +
        "  \"paths\": { \"/things\": { \"get\": { \"operationId\": \"getThings\", \"responses\": { \"200\": { \"description\": \"ok\" } } } } },\n" +
        "  \"components\": { \"schemas\": {\n" + schemas + "\n  } }\n}\n";
}
