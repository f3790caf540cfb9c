using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// ClicRdvIncludeTags, ClicRdvExcludeTags, ClicRdvIncludePaths, ClicRdvExcludePaths and ClicRdvGenerate: which
/// interfaces and contracts remain, and that what remains compiles without a warning.
/// </summary>
public sealed class OperationFilterTests
{
    private const string PetstoreV3 = "corpus/swagger-petstore-v3.openapi.json";

    private const string ZooAndShop = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Zoo and shop", "version": "1" },
          "paths": {
            "/zoo/animals": {
              "get": {
                "tags": [ "zoo" ], "operationId": "listAnimals",
                "responses": {
                  "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Animal" } } } } },
                  "404": { "description": "none", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
                }
              }
            },
            "/shop/orders": {
              "post": {
                "tags": [ "shop" ], "operationId": "placeOrder",
                "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } },
                "responses": { "204": { "description": "placed" } }
              }
            },
            "/shop/orders/{orderId}": {
              "get": {
                "tags": [ "shop", "internal" ], "operationId": "getOrder",
                "parameters": [ { "name": "orderId", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Receipt" } } } } }
              }
            }
          },
          "components": {
            "schemas": {
              "Animal": {
                "type": "object", "required": [ "petType" ],
                "properties": { "petType": { "type": "string" } },
                "discriminator": { "propertyName": "petType", "mapping": { "cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog" } }
              },
              "Cat": { "allOf": [ { "$ref": "#/components/schemas/Animal" }, { "type": "object", "properties": { "lives": { "type": "integer" } } } ] },
              "Dog": { "allOf": [ { "$ref": "#/components/schemas/Animal" }, { "type": "object", "properties": { "bark": { "$ref": "#/components/schemas/Bark" } } } ] },
              "Bark": { "type": "object", "properties": { "volume": { "type": "string", "enum": [ "low", "high" ] } } },
              "Problem": { "type": "object", "properties": { "title": { "type": "string" } } },
              "Order": {
                "type": "object",
                "properties": {
                  "lines": { "type": "array", "items": { "$ref": "#/components/schemas/OrderLine" } },
                  "contact": { "oneOf": [ { "$ref": "#/components/schemas/EmailContact" }, { "$ref": "#/components/schemas/PhoneContact" } ] }
                }
              },
              "OrderLine": { "type": "object", "properties": { "price": { "$ref": "#/components/schemas/Money" } } },
              "Money": { "type": "object", "properties": { "amount": { "type": "number" }, "currency": { "$ref": "#/components/schemas/Currency" } } },
              "Currency": { "type": "string", "enum": [ "EUR", "USD" ] },
              "EmailContact": { "type": "object", "required": [ "email" ], "properties": { "email": { "type": "string" } } },
              "PhoneContact": { "type": "object", "required": [ "phone" ], "properties": { "phone": { "type": "string" } } },
              "Receipt": { "type": "object", "properties": { "total": { "$ref": "#/components/schemas/Money" }, "issuedAt": { "type": "string", "format": "date-time", "x-date-time-format": "yyyy-MM-dd HH:mm:ss" } } },
              "Unused": { "type": "object", "properties": { "x": { "type": "string" } } }
            }
          }
        }
        """;

    private static readonly string[] ZooTypes = { "Animal", "Cat", "Dog", "Bark", "BarkVolume", "Problem" };

    private static readonly string[] ShopTypes = { "Order", "OrderLine", "Money", "Currency", "EmailContact", "PhoneContact", "Receipt" };

    [Fact]
    public void Without_options_every_operation_and_every_contract_is_generated()
    {
        var run = Generate(ZooAndShop, new());

        Assert.Equal(new[] { "IShopApi", "IZooApi" }, Interfaces(run));
        Assert.Superset(ZooTypes.Concat(ShopTypes).Append("Unused").ToHashSet(), Contracts(run).ToHashSet());
    }

    [Fact]
    public void Included_tags_keep_their_interfaces_and_the_contracts_they_reach_through_hierarchies_and_error_answers()
    {
        var run = Generate(ZooAndShop, new() { ["ClicRdvIncludeTags"] = "zoo" });

        Assert.Equal(new[] { "IZooApi" }, Interfaces(run));
        // Cat and Dog are the descendants of a kept hierarchy; Bark is reached through Dog; Problem is a 404 answer.
        Assert.Equal(ZooTypes.OrderBy(name => name), Contracts(run));
        Assert.Equal(ZooTypes.OrderBy(name => name), JsonContextContracts(run, ZooTypes.Concat(ShopTypes)));
    }

    [Fact]
    public void Bodies_keep_the_contracts_of_their_properties_union_variants_and_converters()
    {
        var run = Generate(ZooAndShop, new() { ["ClicRdvIncludeTags"] = "Shop" });

        Assert.Equal(new[] { "IShopApi" }, Interfaces(run));
        var contracts = Contracts(run);
        Assert.Superset(ShopTypes.ToHashSet(), contracts.ToHashSet());
        Assert.DoesNotContain("Unused", contracts);
        Assert.Empty(contracts.Intersect(ZooTypes));
        // The date-time format's converter goes with Receipt, which uses it.
        Assert.Contains("yyyy-MM-dd HH:mm:ss", run.Source("Contracts.g.cs"));
    }

    [Fact]
    public void An_excluded_tag_leaves_out_every_operation_it_is_on()
    {
        var run = Generate(ZooAndShop, new() { ["ClicRdvExcludeTags"] = "internal;zoo" });

        var interfaces = run.Source("Interfaces.g.cs");
        Assert.Contains(" PlaceOrder(", interfaces);
        Assert.DoesNotContain(" GetOrder(", interfaces);
        Assert.Equal(new[] { "Currency", "EmailContact", "Money", "Order", "OrderLine", "PhoneContact" }, Contracts(run).Where(name => !name.StartsWith("OrderContact", System.StringComparison.Ordinal)));
        Assert.DoesNotContain("yyyy-MM-dd HH:mm:ss", run.Source("Contracts.g.cs"));
    }

    [Fact]
    public void Path_globs_take_star_for_one_segment_and_double_star_for_any_number()
    {
        var oneSegment = Generate(ZooAndShop, new() { ["ClicRdvIncludePaths"] = "/shop/*" });
        var anyDepth = Generate(ZooAndShop, new() { ["ClicRdvIncludePaths"] = "/shop/**" });
        var excluded = Generate(ZooAndShop, new() { ["ClicRdvExcludePaths"] = "/**/{orderId}, /zoo/**" });

        Assert.Equal(new[] { "PlaceOrder" }, Methods(oneSegment));
        Assert.Equal(new[] { "GetOrder", "PlaceOrder" }, Methods(anyDepth));
        Assert.Equal(new[] { "PlaceOrder" }, Methods(excluded));
    }

    [Fact]
    public void Tags_of_a_real_document_pick_its_interfaces_and_leave_the_other_contracts_out()
    {
        var run = Generate(Fixtures.Read(PetstoreV3), new() { ["ClicRdvIncludeTags"] = "store,user" });

        Assert.Equal(new[] { "IStoreApi", "IUserApi" }, Interfaces(run));
        // FileResponse is the answer of the methods that ask for the XML these operations also offer (GetOrderByIdAsXml...).
        Assert.Equal(new[] { "FileResponse", "Order", "OrderStatus", "User" }, Contracts(run));
    }

    [Fact]
    public void Contracts_only_generates_the_contracts_and_their_json_metadata_and_no_client()
    {
        var run = Generate(Fixtures.Read(PetstoreV3), new() { ["ClicRdvGenerate"] = "Contracts", ["ClicRdvIncludeTags"] = "pet" });

        Assert.Equal(new[] { "Contracts", "Json" }, run.DocumentSources.Select(source => source.HintName.Split('.')[^3]).OrderBy(name => name));
        Assert.Empty(Interfaces(run));
        // FindPetsByStatusStatus is the enum of a query parameter.
        Assert.Equal(new[] { "ApiResponse", "Category", "FindPetsByStatusStatus", "Pet", "PetStatus", "Tag" }, Contracts(run));
    }

    [Fact]
    public void Contracts_only_without_a_filter_keeps_every_contract()
    {
        var run = Generate(ZooAndShop, new() { ["ClicRdvGenerate"] = "contracts" });

        Assert.Contains("Unused", Contracts(run));
        Assert.Empty(Interfaces(run));
    }

    [Fact]
    public void Item_metadata_filters_one_document_and_the_project_property_the_other()
    {
        var driver = GeneratorHarness.CreateDriver(
            new AdditionalText[]
            {
                new InMemoryAdditionalText("/p/zoo.openapi.json", ZooAndShop),
                new InMemoryAdditionalText("/p/petstore.openapi.json", Fixtures.Read(PetstoreV3)),
            },
            new Dictionary<string, string> { ["build_property.RootNamespace"] = "My", ["build_property.ClicRdvIncludeTags"] = "store" },
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["/p/zoo.openapi.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ClicRdvIncludeTags"] = "zoo" },
            });

        var run = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation());

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
        Assert.Contains("interface IZooApi", run.Source("My.Zoo.zoo.Interfaces.g.cs"));
        Assert.Contains("interface IStoreApi", run.Source("My.Petstore.petstore.Interfaces.g.cs"));
        Assert.DoesNotContain("interface IPetApi", run.Source("My.Petstore.petstore.Interfaces.g.cs"));
    }

    [Theory]
    [InlineData("ClicRdvGenerate", "Clients", "'All' or 'Contracts'")]
    [InlineData("ClicRdvIncludePaths", "shop/*", "starts with '/'")]
    [InlineData("ClicRdvExcludePaths", "/shop/***", "never ***")]
    [InlineData("ClicRdvIncludeTags", "zoo;zo", "no operation of the document matches it")]
    [InlineData("ClicRdvIncludePaths", "/shop/*;/shops/**", "no operation of the document matches it")]
    public void An_invalid_value_is_CRDV005_at_the_document_naming_the_option_and_the_value(string option, string value, string reason)
    {
        var run = GeneratorHarness.Run("/project/api.openapi.json", ZooAndShop, new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer", ["build_property." + option] = value });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV005", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/project/api.openapi.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(option, diagnostic.GetMessage());
        Assert.Contains(reason, diagnostic.GetMessage());
        Assert.Empty(run.DocumentSources);
    }

    [Fact]
    public void An_excluded_tag_or_path_the_document_lacks_is_no_error()
    {
        var run = Generate(ZooAndShop, new() { ["ClicRdvExcludeTags"] = "admin", ["ClicRdvExcludePaths"] = "/admin/**" });

        Assert.Equal(new[] { "IShopApi", "IZooApi" }, Interfaces(run));
    }

    private static GeneratorRun Generate(string document, Dictionary<string, string> options)
    {
        var properties = options.ToDictionary(pair => "build_property." + pair.Key, pair => pair.Value);
        properties["build_property.RootNamespace"] = "Consumer";
        var run = GeneratorHarness.Run("/project/api.openapi.json", document, properties);

        Assert.Empty(run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).Select(diagnostic => diagnostic.ToString()));
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
        return run;
    }

    private static INamespaceSymbol Generated(GeneratorRun run) =>
        run.Compilation.Assembly.GlobalNamespace.GetNamespaceMembers().Single(member => member.Name == "Consumer");

    private static string[] Interfaces(GeneratorRun run) =>
        Generated(run).GetTypeMembers().Where(type => type.TypeKind == TypeKind.Interface).Select(type => type.Name).OrderBy(name => name, System.StringComparer.Ordinal).ToArray();

    /// <summary>The generated classes, enums and structs that are contracts: not clients, converters or the document's helpers.</summary>
    private static string[] Contracts(GeneratorRun run) =>
        Generated(run).GetTypeMembers()
            .Where(type => type.TypeKind != TypeKind.Interface && !type.Name.EndsWith("JsonConverter", System.StringComparison.Ordinal) && !type.Name.EndsWith("ApiClient", System.StringComparison.Ordinal) && type.Name is not ("ApiClients" or "ApiJsonContext" or "ApiServers") && !type.Name.EndsWith("ClientRegistration", System.StringComparison.Ordinal) && !type.Name.EndsWith("Converter", System.StringComparison.Ordinal))
            .Select(type => type.Name)
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .ToArray();

    private static string[] Methods(GeneratorRun run) =>
        Generated(run).GetTypeMembers().Where(type => type.TypeKind == TypeKind.Interface).SelectMany(type => type.GetMembers().OfType<IMethodSymbol>()).Select(method => method.Name).OrderBy(name => name, System.StringComparer.Ordinal).ToArray();

    /// <summary>Which of <paramref name="candidates"/> the JSON context has a property for.</summary>
    private static string[] JsonContextContracts(GeneratorRun run, IEnumerable<string> candidates)
    {
        var members = Generated(run).GetTypeMembers("ApiJsonContext").Single().GetMembers().OfType<IPropertySymbol>().Select(property => property.Name).ToHashSet();
        return candidates.Where(members.Contains).OrderBy(name => name, System.StringComparer.Ordinal).ToArray();
    }
}
