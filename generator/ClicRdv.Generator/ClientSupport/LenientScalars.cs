namespace ClicRdv.Generated.Support;

using System;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>
/// Converters of the members a document marks <c>x-lenient</c>: servers that send one value in several JSON forms
/// (ClicRDV answers a flag as <c>false</c>, <c>0</c> or <c>"1"</c>). A boolean is read from <c>true</c>/<c>false</c>,
/// the numbers 0 and 1 and the strings "true", "false", "0" and "1"; a number from a number or a numeric string; a
/// string from a string, a number or a boolean (its JSON text). Values are always written in the documented type.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal abstract class LenientScalarConverter<T> : JsonConverter<T>
    where T : struct
{
    /// <summary>The documented type's name, for errors.</summary>
    protected abstract string TypeName { get; }

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TryRead(ref reader, out var value) ? value : throw NotA(ref reader);

    /// <summary>Reads the current token, or returns false when no rule reads it.</summary>
    protected abstract bool TryRead(ref Utf8JsonReader reader, out T value);

    /// <summary>The error for a token no rule reads; it names the value (cut short) and the documented type.</summary>
    private JsonException NotA(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => "\"" + JsonTokenText.Shortened(reader.GetString()!) + "\"",
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => JsonTokenText.Shortened(JsonTokenText.Raw(ref reader)),
            var token => token.ToString(),
        };
        return new JsonException($"{text} is not {TypeName}.");
    }

}

/// <summary>A boolean also read from 0, 1, "0", "1", "true" and "false" (any case).</summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal sealed class LenientBooleanConverter : LenientScalarConverter<bool>
{
    protected override string TypeName => "a boolean (true, false, 0 or 1)";

    protected override bool TryRead(ref Utf8JsonReader reader, out bool value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True or JsonTokenType.False:
                value = reader.GetBoolean();
                return true;
            case JsonTokenType.Number when reader.TryGetInt64(out var number) && number is 0 or 1:
                value = number == 1;
                return true;
            case JsonTokenType.String:
                var text = reader.GetString()!.Trim();
                value = text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase);
                return value || text == "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase);
            default:
                value = false;
                return false;
        }
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

/// <summary>
/// A number (<see cref="int"/>, <see cref="long"/>, <see cref="float"/>, <see cref="double"/>, <see cref="decimal"/>)
/// also read from a numeric string; a value out of the type's range is refused, never wrapped or made infinite.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal sealed class LenientNumberConverter<T> : LenientScalarConverter<T>
    where T : struct, INumber<T>
{
    // An integer type takes digits only, so that "1.5" is refused rather than read as 1 or 2.
    private static readonly NumberStyles Style = typeof(T) == typeof(int) || typeof(T) == typeof(long) ? NumberStyles.AllowLeadingSign : NumberStyles.Float;

    protected override string TypeName => $"a number that fits {typeof(T).Name}";

    protected override bool TryRead(ref Utf8JsonReader reader, out T value)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.Number => JsonTokenText.Raw(ref reader),
            JsonTokenType.String => reader.GetString()!.Trim(),
            _ => null,
        };
        value = default;
        return text is not null && T.TryParse(text, Style, CultureInfo.InvariantCulture, out value) && T.IsFinite(value);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.ToString(null, CultureInfo.InvariantCulture), skipInputValidation: false);
}

/// <summary>
/// A nullable lenient value: <c>null</c>, and an empty or blank string (which servers such as ClicRDV send for
/// "none"), read as null; anything else through <typeparamref name="TConverter"/>.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal sealed class LenientNullableConverter<T, TConverter> : JsonConverter<T?>
    where T : struct
    where TConverter : LenientScalarConverter<T>, new()
{
    private readonly TConverter _value = new();

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null || (reader.TokenType == JsonTokenType.String && string.IsNullOrWhiteSpace(reader.GetString()))
            ? null
            : _value.Read(ref reader, typeof(T), options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is { } present)
        {
            _value.Write(writer, present, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>A string also read from a number or a boolean, as its JSON text (<c>75002</c> reads as "75002").</summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal sealed class LenientStringConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => JsonTokenText.Raw(ref reader),
        var token => throw new JsonException($"{token} is not a string."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>The text of a JSON token, for the lenient converters.</summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class JsonTokenText
{
    private const int MaxShown = 40;

    /// <summary>The token as it stands in the JSON (a number's digits, <c>true</c>).</summary>
    public static string Raw(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());

    /// <summary>A value cut to a length an error message can show.</summary>
    public static string Shortened(string text) => text.Length <= MaxShown ? text : string.Concat(text.AsSpan(0, MaxShown), "...");
}
