using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using ClicRdv.Generated.Support;
using Xunit;

namespace ClicRdv.ClientSupport.Tests;

/// <summary>
/// The discriminator converter on its own, with metadata shaped as a generated context shapes it, read from a stream in
/// buffers far smaller than the object (as answers arrive), so the discriminator is found wherever it stands.
/// </summary>
public sealed class DiscriminatorConverterTests
{
    private static readonly string LongName = new('x', 300);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_discriminator_is_found_past_the_first_buffer_and_before_it(bool discriminatorLast)
    {
        var members = $"\"name\":\"{LongName}\",\"tags\":[\"a\",{{\"deep\":{{\"kind\":\"not this one\"}}}}],\"lives\":7";
        var json = discriminatorLast ? $"[{{{members},\"kind\":\"cat\"}}]" : $"[{{\"kind\":\"cat\",{members}}}]";

        var pets = await JsonSerializer.DeserializeAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), Options(16).GetTypeInfo(typeof(List<Pet>)));

        var cat = Assert.IsType<Cat>(Assert.Single((List<Pet>)pets!));
        Assert.Equal((LongName, 7, "cat"), (cat.Name, cat.Lives, cat.Kind));
    }

    [Fact]
    public void An_unknown_value_reads_as_the_base_and_is_written_back_with_every_member()
    {
        var options = Options(16);
        const string json = """{"name":"Liz","kind":"lizard","scales":true}""";

        var pet = (Pet)JsonSerializer.Deserialize(json, options.GetTypeInfo(typeof(Pet)))!;

        Assert.Equal(typeof(Pet), pet.GetType());
        Assert.Equal("lizard", pet.Kind);
        Assert.Equal("""{"kind":"lizard","name":"Liz","scales":true}""", JsonSerializer.Serialize(pet, options.GetTypeInfo(typeof(Pet))));
    }

    [Fact]
    public void A_value_that_is_not_an_object_fails_naming_the_class()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("[1]", Options(16).GetTypeInfo(typeof(List<Pet>))));

        Assert.Contains("A Pet is a JSON object, not Number.", error.Message);
    }

    private static JsonSerializerOptions Options(int bufferSize) => new() { DefaultBufferSize = bufferSize, TypeInfoResolver = new Resolver() };

    private class Pet
    {
        public Pet() => Kind = "pet";

        public string Kind { get; set; }

        public string? Name { get; set; }

        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    private sealed class Cat : Pet
    {
        public Cat() => Kind = "cat";

        public int Lives { get; set; }
    }

    /// <summary>The shape a generated context gives a hierarchy: the base's plain metadata inside its discriminator converter.</summary>
    private sealed class Resolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            if (type == typeof(Pet))
            {
                var own = JsonMetadata.Object(options, static () => new Pet(), PetMembers);
                return JsonMetadata.Discriminated(options, own, "kind", static (pet, value) => pet.Kind = value, new[] { ("cat", typeof(Cat)) });
            }

            if (type == typeof(Cat))
            {
                return JsonMetadata.Object(options, static () => new Cat(), static metadataOptions => new[]
                {
                    JsonMetadata.Property<Cat, int>(metadataOptions, "Lives", "lives", static item => ((Cat)item).Lives, static (item, value) => ((Cat)item).Lives = value),
                    PetMembers(metadataOptions)[0],
                    PetMembers(metadataOptions)[1],
                    PetMembers(metadataOptions)[2],
                });
            }

            return type == typeof(List<Pet>) ? JsonMetadata.List<Pet>(options)
                : type == typeof(string) ? JsonMetadata.Value(options, JsonMetadataServices.StringConverter)
                : type == typeof(int) ? JsonMetadata.Value(options, JsonMetadataServices.Int32Converter)
                : type == typeof(JsonElement) ? JsonMetadata.Value(options, JsonMetadataServices.JsonElementConverter)
                : type == typeof(Dictionary<string, JsonElement>) ? JsonMetadata.Dictionary<JsonElement>(options)
                : null;
        }

        private static JsonPropertyInfo[] PetMembers(JsonSerializerOptions options) => new[]
        {
            JsonMetadata.Property<Pet, string>(options, "Kind", "kind", static item => ((Pet)item).Kind, null),
            JsonMetadata.Property<Pet, string>(options, "Name", "name", static item => ((Pet)item).Name, static (item, value) => ((Pet)item).Name = value),
            JsonMetadata.ExtensionData<Pet>(options, static item => ((Pet)item).Extra, static (item, value) => ((Pet)item).Extra = value),
        };
    }
}
