using System;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Refit;
using Shapes;
using Xunit;

namespace ClicRdv.Generator.IntegrationTests;

/// <summary>
/// Discriminated hierarchies against a real Kestrel server on 127.0.0.1 that sends JSON written by hand: an <c>allOf</c>
/// base with a mapping (by reference and by bare schema name, two levels deep), <c>oneOf</c>s with and without a mapping
/// whose variants share no base schema, and Kiota's test documents. The discriminator may stand anywhere; an unknown
/// value, or none, reads as the base class and loses nothing on the way back.
/// </summary>
public sealed class PolymorphismTests
{
    [Theory]
    [InlineData("""{"petType":"cat","name":"Tom","indoor":true}""")]
    [InlineData("""{"name":"Tom","indoor":true,"petType":"cat"}""")]
    [InlineData("""{"name":"Tom","petType":"cat","indoor":true}""")]
    public async Task A_value_of_the_mapping_reads_as_its_class_wherever_the_discriminator_stands(string answer)
    {
        await using var server = await Answering(answer);

        var pet = await Client(server).EchoPet(new Pet());

        var cat = Assert.IsType<Cat>(pet);
        Assert.Equal(("cat", "Tom", (bool?)true), (cat.PetType, cat.Name, cat.Indoor));
        Assert.Null(cat.AdditionalProperties);
    }

    [Fact]
    public async Task A_bare_schema_name_in_the_mapping_and_a_second_level_read_as_their_classes()
    {
        await using var dog = await Answering("""{"petType":"dog","name":"Rex","barks":true,"tricks":["sit"]}""");
        await using var puppy = await Answering("""{"ageInWeeks":9,"petType":"puppy","name":"Bit","barks":false}""");

        var rex = Assert.IsType<Dog>(await Client(dog).EchoPet(new Pet()));
        var bit = Assert.IsType<Puppy>(await Client(puppy).EchoPet(new Pet()));

        Assert.Equal(("Rex", (bool?)true, "sit"), (rex.Name, rex.Barks, Assert.Single(rex.Tricks!)));
        Assert.Equal(("puppy", "Bit", (int?)9), (bit.PetType, bit.Name, bit.AgeInWeeks));
    }

    [Theory]
    [InlineData("""{"petType":"lizard","name":"Liz","scales":"green","tail":{"length":3}}""", "lizard")]
    [InlineData("""{"name":"Liz","scales":"green"}""", "Pet")]
    public async Task An_unknown_or_missing_discriminator_reads_as_the_base_class_and_loses_nothing(string answer, string discriminator)
    {
        await using var server = await Answering(answer);
        var client = Client(server);

        var pet = await client.EchoPet(new Pet());
        await client.EchoPet(pet);

        Assert.Equal(typeof(Pet), pet.GetType());
        Assert.Equal((discriminator, "Liz"), (pet.PetType, pet.Name));
        Assert.Equal("green", pet.AdditionalProperties!["scales"].GetString());
        AssertSameMembers(answer, server.LastRequest.Body, except: discriminator == "Pet" ? "petType" : null);
    }

    [Fact]
    public async Task A_body_typed_as_the_base_sends_the_derived_members_and_its_discriminator()
    {
        await using var server = await Answering("""{"petType":"puppy","name":"Bit"}""");

        await Client(server).EchoPet(new Puppy { Name = "Bit", AgeInWeeks = 9, Tricks = new() { "sit" } });

        AssertSameMembers("""{"petType":"puppy","name":"Bit","ageInWeeks":9,"tricks":["sit"]}""", server.LastRequest.Body);
    }

    [Fact]
    public void The_discriminator_is_set_by_the_class_and_cannot_be_set_apart_from_it()
    {
        Assert.Equal(("cat", "dog", "puppy", "Pet"), (new Cat().PetType, new Dog().PetType, new Puppy().PetType, new Pet().PetType));
        Assert.Null(typeof(Pet).GetProperty(nameof(Pet.PetType))!.GetSetMethod(nonPublic: false));
    }

    [Theory]
    [InlineData("""{"radius":1.5,"kind":"Circle"}""", typeof(Circle))]
    [InlineData("""{"kind":"Square","side":2}""", typeof(Square))]
    [InlineData("""{"kind":"Triangle","sides":[3,4,5]}""", typeof(Shape))]
    public async Task A_oneOf_without_a_mapping_reads_by_schema_name_and_its_variants_derive_from_it(string answer, Type expected)
    {
        await using var server = await Answering(answer);
        var client = Client(server);

        var shape = await client.EchoShape(new Circle { Radius = 1 });
        await client.EchoShape(shape);

        Assert.Equal(expected, shape.GetType());
        Assert.Equal(JsonNode.Parse(answer)!["kind"]!.GetValue<string>(), shape.Kind);
        AssertSameMembers(answer, server.LastRequest.Body);
    }

    [Fact]
    public async Task A_oneOf_with_a_mapping_reads_each_variant_and_sends_the_variant_given()
    {
        await using var server = await Answering("""{"gears":21,"vehicleType":"bike"}""");

        var vehicle = await Client(server).EchoVehicle(new Car { Doors = 3 });

        Assert.Equal((int?)21, Assert.IsType<Bike>(vehicle).Gears);
        AssertSameMembers("""{"vehicleType":"car","doors":3}""", server.LastRequest.Body);
    }

    [Fact]
    public async Task An_allOf_that_only_renames_its_parent_is_a_subclass_and_several_parents_keep_their_required_members()
    {
        await using var server = await Answering("""{"legs":4}""");

        var creature = await Client(server).EchoCreature(new Creature { Legs = 6 });
        var missingName = await Assert.ThrowsAsync<ApiException>(() => Client(server).EchoChimera(new Chimera { Legs = 4, Name = "x" }));

        Assert.Equal(typeof(Animal), typeof(Creature).BaseType);
        Assert.Equal((int?)4, creature.Legs);
        Assert.Contains("'name'", Assert.IsType<JsonException>(missingName.InnerException).Message);
    }

    [Fact]
    public async Task Kiotas_derived_fruits_read_as_their_classes_through_a_discriminator_beside_the_reference()
    {
        // ModelWithDerivedTypes.yaml: the discriminator stands beside "allOf: [ fruit ]" in the answer, not on fruit.
        await using var server = await Answering("""{"fruitType":"apple","edible":true,"name":"Gala"}""");
        var fruits = new KiotaFruits.DerivedTypesAPIApiClient(new HttpClient { BaseAddress = server.BaseAddress });

        var fruit = await fruits.GetFruitsWithDiscriminator();

        var apple = Assert.IsType<KiotaFruits.Apple>(fruit);
        Assert.Equal(((bool?)true, "Gala"), (apple.Edible, apple.Name));
        Assert.Null(apple.AdditionalProperties);
    }

    [Fact]
    public async Task Kiotas_discriminator_sample_reads_and_writes_each_component()
    {
        await using var server = await Answering("""{"two":"2","objectType":"obj2"}""");
        var client = new KiotaDiscriminator.DiscriminatorAPIApiClient(new HttpClient { BaseAddress = server.BaseAddress });

        var component = await client.PostDiscriminateme(new KiotaDiscriminator.Component1 { One = "1" });

        Assert.Equal("2", Assert.IsType<KiotaDiscriminator.Component2>(component).Two);
        AssertSameMembers("""{"objectType":"obj1","one":"1"}""", server.LastRequest.Body);
    }

    /// <summary>Both texts hold the same members with the same values, in any order (but <paramref name="except"/>, which the second may add).</summary>
    private static void AssertSameMembers(string expected, string actual, string? except = null)
    {
        var expectedObject = JsonNode.Parse(expected)!.AsObject();
        var actualObject = JsonNode.Parse(actual)!.AsObject();
        if (except is not null)
        {
            actualObject.Remove(except);
        }

        Assert.True(JsonNode.DeepEquals(Sorted(expectedObject), Sorted(actualObject)), $"Expected the members of {expected}, got {actual}.");
    }

    private static JsonObject Sorted(JsonObject value)
    {
        var sorted = new JsonObject();
        foreach (var member in System.Linq.Enumerable.OrderBy(value, member => member.Key, StringComparer.Ordinal))
        {
            sorted[member.Key] = member.Value?.DeepClone();
        }

        return sorted;
    }

    private static ShapesApiClient Client(RecordingServer server) => new(new HttpClient { BaseAddress = server.BaseAddress });

    private static Task<RecordingServer> Answering(string answer) => RecordingServer.AnsweringAsync(answer);
}
