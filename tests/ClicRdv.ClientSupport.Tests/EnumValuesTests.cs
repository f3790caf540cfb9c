using System.Buffers;
using System.Text;
using System.Text.Json;
using ClicRdv.Generated.Support;
using Xunit;

namespace ClicRdv.ClientSupport.Tests;

/// <summary>An enum converter's error names the value as it came: a string's text, a number's digits, or the token.</summary>
public sealed class EnumValuesTests
{
    [Theory]
    [InlineData("\"ultraviolet\"", null, "'ultraviolet' is not a value of Color.")]
    [InlineData("12.5", "a whole number", "'12.5' is not a value of Color, which is a whole number.")]
    [InlineData("123456789012345678901234567890", null, "'123456789012345678901234567890' is not a value of Color.")]
    [InlineData("true", "a string", "'True' is not a value of Color, which is a string.")]
    [InlineData("{}", "a string", "'StartObject' is not a value of Color, which is a string.")]
    public void The_error_names_the_value_as_it_came(string json, string? expected, string message)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        Assert.Equal(message, EnumValues.NotAValue(ref reader, "Color", expected).Message);
    }

    [Fact]
    public void A_number_split_across_buffers_is_named_whole()
    {
        var first = new Segment(Encoding.UTF8.GetBytes("[12"));
        var last = first.Append(Encoding.UTF8.GetBytes("34.5]"));
        var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        reader.Read();
        reader.Read();

        Assert.Equal("'1234.5' is not a value of Color.", EnumValues.NotAValue(ref reader, "Color").Message);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes) => Memory = bytes;

        public Segment Append(byte[] bytes)
        {
            var next = new Segment(bytes) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
