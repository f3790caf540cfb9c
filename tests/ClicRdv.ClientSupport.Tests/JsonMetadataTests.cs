using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ClicRdv.Generated;
using ClicRdv.Generated.Support;
using Xunit;

namespace ClicRdv.ClientSupport.Tests;

public sealed class JsonMetadataTests
{
    [Fact]
    public void An_owned_type_ignores_converters_in_the_options_and_others_take_them()
    {
        var options = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter(), new Shouting() }, TypeInfoResolver = new Resolver() };

        Assert.Equal("1", JsonSerializer.Serialize(DayOfWeek.Monday, JsonMetadata.Owned(options, JsonMetadataServices.GetEnumConverter<DayOfWeek>(options))));
        Assert.Equal("\"TEXT\"", JsonSerializer.Serialize("text", JsonMetadata.Value(options, JsonMetadataServices.StringConverter)));
    }

    [Fact]
    public void An_object_is_written_with_wire_names_member_converters_and_ignore_conditions()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseUpper, TypeInfoResolver = new Resolver() };
        var info = (JsonTypeInfo<Thing>)options.GetTypeInfo(typeof(Thing));

        Assert.Equal("""{"the-name":"TEXT","extra":true}""", JsonSerializer.Serialize(new Thing { Name = "text", Extra = new() { ["extra"] = JsonDocument.Parse("true").RootElement } }, info));
        var read = JsonSerializer.Deserialize("""{"the-name":"a","note":"b","more":1}""", info)!;
        Assert.Equal(("A", "b"), (read.Name, read.Note));
        Assert.Equal(1, read.Extra!["more"].GetInt32());
    }

    [Fact]
    public void A_readOnly_property_is_read_never_written_and_still_required_when_it_is()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new Resolver() };
        var info = (JsonTypeInfo<Stamped>)options.GetTypeInfo(typeof(Stamped));

        Assert.Equal("""{"name":"a"}""", JsonSerializer.Serialize(new Stamped { Id = 7, Name = "a", Note = "set" }, info));
        var read = JsonSerializer.Deserialize("""{"id":7,"name":"a","note":"b"}""", info)!;
        Assert.Equal((7L, "a", "b"), (read.Id, read.Name, read.Note));
        var missing = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"name":"a"}""", info));
        Assert.Contains("'id'", missing.Message);
    }

    [Fact]
    public void A_member_that_allows_null_is_written_as_null_only_on_the_instance_that_asks_and_while_it_is_null()
    {
        var options = new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, TypeInfoResolver = new Resolver() };
        var info = (JsonTypeInfo<Thing>)options.GetTypeInfo(typeof(Thing));
        var cleared = new Thing().WriteAsNull(nameof(Thing.Name));

        Assert.Equal("{}", JsonSerializer.Serialize(new Thing(), info));
        Assert.Equal("""{"the-name":null}""", JsonSerializer.Serialize(cleared, info));
        cleared.Name = "set";
        Assert.Equal("""{"the-name":"SET"}""", JsonSerializer.Serialize(cleared, info));
        cleared.Name = null;
        Assert.Equal("""{"the-name":null}""", JsonSerializer.Serialize(cleared, info));
    }

    [Fact]
    public void Options_that_write_nulls_still_write_them_and_a_member_the_document_keeps_from_null_is_never_sent_as_null()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new Resolver() };
        var info = (JsonTypeInfo<Thing>)options.GetTypeInfo(typeof(Thing));

        Assert.Equal("""{"the-name":null}""", JsonSerializer.Serialize(new Thing(), info));
        var refused = Assert.Throws<InvalidOperationException>(() => JsonSerializer.Serialize(new Thing { Name = "a" }.WriteAsNull(nameof(Thing.Note)), info));
        Assert.Equal("Thing.Note cannot be written as null: the document does not allow null there, so it is left out while it is null.", refused.Message);
        Assert.Equal("""{"the-name":"A","note":"b"}""", JsonSerializer.Serialize(new Thing { Name = "a", Note = "b" }.WriteAsNull(nameof(Thing.Note)), info));
        Assert.Throws<ArgumentException>(() => new Thing().WriteAsNull(" "));
    }

    private sealed class Stamped
    {
        public long Id { get; set; }

        public string? Name { get; set; }

        public string? Note { get; set; }
    }

    private sealed class Thing
    {
        public string? Name { get; set; }

        public string? Note { get; set; }

        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    /// <summary>The shape a generated context gives a class: member by member, with a member converter and an ignore condition.</summary>
    private sealed class Resolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            if (type == typeof(Thing))
            {
                return JsonMetadata.Object(options, static () => new Thing(), static metadataOptions => new[]
                {
                    JsonMetadata.Property<Thing, string>(metadataOptions, "Name", "the-name", static item => ((Thing)item).Name, static (item, value) => ((Thing)item).Name = value, converter: new Shouting()),
                    JsonMetadata.Property<Thing, string>(metadataOptions, "Note", "note", static item => ((Thing)item).Note, static (item, value) => ((Thing)item).Note = value, ignore: JsonIgnoreCondition.WhenWritingNull),
                    JsonMetadata.ExtensionData<Thing>(metadataOptions, static item => ((Thing)item).Extra, static (item, value) => ((Thing)item).Extra = value),
                });
            }

            if (type == typeof(Stamped))
            {
                return JsonMetadata.Object(options, static () => new Stamped(), static metadataOptions => new[]
                {
                    JsonMetadata.Property<Stamped, long>(metadataOptions, "Id", "id", static item => ((Stamped)item).Id, static (item, value) => ((Stamped)item).Id = value, required: true, readOnly: true),
                    JsonMetadata.Property<Stamped, string>(metadataOptions, "Name", "name", static item => ((Stamped)item).Name, static (item, value) => ((Stamped)item).Name = value),
                    JsonMetadata.Property<Stamped, string>(metadataOptions, "Note", "note", static item => ((Stamped)item).Note, static (item, value) => ((Stamped)item).Note = value, ignore: JsonIgnoreCondition.WhenWritingNull, readOnly: true),
                });
            }

            if (type == typeof(long))
            {
                return JsonMetadata.Value(options, JsonMetadataServices.Int64Converter);
            }

            if (type == typeof(string))
            {
                return JsonMetadata.Value(options, JsonMetadataServices.StringConverter);
            }

            if (type == typeof(JsonElement))
            {
                return JsonMetadata.Value(options, JsonMetadataServices.JsonElementConverter);
            }

            return type == typeof(Dictionary<string, JsonElement>) ? JsonMetadata.Dictionary<JsonElement>(options) : null;
        }
    }

    /// <summary>Writes and reads strings in upper case.</summary>
    private sealed class Shouting : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()?.ToUpperInvariant();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToUpperInvariant());
    }
}
