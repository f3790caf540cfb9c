namespace ClicRdv.Generated.Support;

using System.Text;
using System.Text.Json;

/// <summary>The error of an enum's converter for a JSON value it cannot read, naming the value as it came.</summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class EnumValues
{
    /// <param name="reader">The reader, at the value.</param>
    /// <param name="typeName">The enum.</param>
    /// <param name="expected">What an open enum's values are ("a string"), or null for a closed enum, whose values are listed.</param>
    public static JsonException NotAValue(ref Utf8JsonReader reader, string typeName, string? expected = null)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
            var token => token.ToString(),
        };
        return new JsonException(expected is null ? $"'{text}' is not a value of {typeName}." : $"'{text}' is not a value of {typeName}, which is {expected}.");
    }
}
