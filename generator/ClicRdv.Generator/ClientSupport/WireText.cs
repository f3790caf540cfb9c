namespace ClicRdv.Generated.Support;

using System;
using System.Globalization;
using System.Text.Json;

/// <summary>
/// The text of a value in a URL or a header, as the document's formats write it: invariant culture, ISO 8601 dates,
/// <c>true</c>/<c>false</c>. One overload per type, chosen at compile time, so that no value is boxed.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class WireText
{
    public static string Format(string value) => value;

    public static string Format(bool value) => value ? "true" : "false";

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(float value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset value) => value.ToString("o", CultureInfo.InvariantCulture);

    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(Guid value) => value.ToString("D");

    public static string Format(byte[] value) => Convert.ToBase64String(value);

    public static string Format(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>The value a union of scalars holds, by its runtime type (a string enum as its wire value, its ToString()).</summary>
    public static string Format(object value) => value switch
    {
        string text => text,
        bool flag => Format(flag),
        DateTimeOffset moment => Format(moment),
        DateOnly day => Format(day),
        Guid id => Format(id),
        byte[] bytes => Format(bytes),
        JsonElement element => Format(element),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
