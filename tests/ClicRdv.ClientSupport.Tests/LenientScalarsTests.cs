using System.Text.Json;
using System.Text.Json.Serialization;
using ClicRdv.Generated.Support;
using Xunit;

namespace ClicRdv.ClientSupport.Tests;

/// <summary>The converters of <c>x-lenient</c> members: every JSON form a server may send reads, the documented type is written.</summary>
public sealed class LenientScalarsTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"1\"", true)]
    [InlineData("\"0\"", false)]
    [InlineData("\"TRUE\"", true)]
    [InlineData("\" false \"", false)]
    public void A_boolean_reads_from_booleans_zero_and_one_and_their_strings(string json, bool expected)
    {
        Assert.Equal(expected, Read<Flags>($$"""{"flag":{{json}}}""").Flag);
        Assert.Equal(expected, Read<Flags>($$"""{"maybe":{{json}}}""").Maybe);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("\"yes\"")]
    [InlineData("\"\"")]
    [InlineData("[]")]
    [InlineData("1.5")]
    public void A_boolean_refuses_what_is_no_boolean_naming_the_value(string json)
    {
        var error = Assert.Throws<JsonException>(() => Read<Flags>($$"""{"flag":{{json}}}"""));
        Assert.Contains("is not a boolean", error.Message);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    public void A_nullable_member_reads_null_and_an_empty_string_as_none(string json)
    {
        var read = Read<Flags>($$"""{"maybe":{{json}},"count":{{json}}}""");
        Assert.Null(read.Maybe);
        Assert.Null(read.Count);
    }

    [Fact]
    public void Numbers_read_from_numeric_strings_and_strings_from_numbers()
    {
        var read = Read<Flags>("""{"count":"42","big":"9007199254740993","ratio":"2.5","price":"19.99","small":"1.5","zip":75002,"word":true}""");
        Assert.Equal(42, read.Count);
        Assert.Equal(9007199254740993L, read.Big);
        Assert.Equal(2.5, read.Ratio);
        Assert.Equal(19.99m, read.Price);
        Assert.Equal(1.5f, read.Small);
        Assert.Equal("75002", read.Zip);
        Assert.Equal("true", read.Word);
    }

    [Fact]
    public void An_integer_out_of_range_fails_naming_the_value_cut_short()
    {
        var error = Assert.Throws<JsonException>(() => Read<Flags>("""{"count":"99999999999999999999999999999999999999999999999999"}"""));
        Assert.Contains("\"9999999999999999999999999999999999999999...\" is not a number that fits Int32", error.Message);
    }

    [Theory]
    [InlineData("ratio", "\"1e400\"")]
    [InlineData("ratio", "\"NaN\"")]
    [InlineData("count", "\"1.5\"")]
    [InlineData("count", "2147483648")]
    [InlineData("big", "true")]
    public void A_number_that_does_not_fit_its_type_is_refused(string member, string json)
    {
        Assert.Throws<JsonException>(() => Read<Flags>($$"""{"{{member}}":{{json}}}"""));
    }

    [Fact]
    public void Values_are_written_in_their_documented_type()
    {
        var json = JsonSerializer.Serialize(new Flags { Flag = true, Maybe = false, Count = 3, Big = 4, Ratio = 0.5, Price = 1.25m, Small = 2, Zip = "75002" });
        Assert.Equal("""{"flag":true,"maybe":false,"count":3,"big":4,"ratio":0.5,"price":1.25,"small":2,"zip":"75002","word":null}""", json);
        Assert.Equal("""{"flag":false,"maybe":null,"count":null,"big":null,"ratio":null,"price":null,"small":null,"zip":null,"word":null}""", JsonSerializer.Serialize(new Flags()));
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json)!;

    private sealed class Flags
    {
        [JsonPropertyName("flag"), JsonConverter(typeof(LenientBooleanConverter))]
        public bool Flag { get; set; }

        [JsonPropertyName("maybe"), JsonConverter(typeof(LenientNullableConverter<bool, LenientBooleanConverter>))]
        public bool? Maybe { get; set; }

        [JsonPropertyName("count"), JsonConverter(typeof(LenientNullableConverter<int, LenientNumberConverter<int>>))]
        public int? Count { get; set; }

        [JsonPropertyName("big"), JsonConverter(typeof(LenientNullableConverter<long, LenientNumberConverter<long>>))]
        public long? Big { get; set; }

        [JsonPropertyName("ratio"), JsonConverter(typeof(LenientNullableConverter<double, LenientNumberConverter<double>>))]
        public double? Ratio { get; set; }

        [JsonPropertyName("price"), JsonConverter(typeof(LenientNullableConverter<decimal, LenientNumberConverter<decimal>>))]
        public decimal? Price { get; set; }

        [JsonPropertyName("small"), JsonConverter(typeof(LenientNullableConverter<float, LenientNumberConverter<float>>))]
        public float? Small { get; set; }

        [JsonPropertyName("zip"), JsonConverter(typeof(LenientStringConverter))]
        public string? Zip { get; set; }

        [JsonPropertyName("word"), JsonConverter(typeof(LenientStringConverter))]
        public string? Word { get; set; }
    }
}
