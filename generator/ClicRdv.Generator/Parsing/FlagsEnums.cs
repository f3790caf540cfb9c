using System.Collections.Generic;
using NJsonSchema;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// The <c>x-ms-enum-flags</c> extension (<c>{ "isFlags": true }</c>, as Kiota and AutoRest read it): a string enum
/// whose values combine, written on the wire as a comma-separated list (<c>"ROCK,PAPER"</c>).
/// </summary>
internal static class FlagsEnums
{
    public const string Extension = "x-ms-enum-flags";

    /// <summary>Each flag takes a bit of a <c>long</c>: beyond this many values the enum stays a plain one.</summary>
    public const int MaxFlags = 62;

    public static bool AreFlags(JsonSchema schema, int valueCount) =>
        valueCount is > 0 and <= MaxFlags
        && schema.ExtensionData is { } extensions
        && extensions.TryGetValue(Extension, out var value)
        && IsFlags(value);

    private static bool IsFlags(object? value) => value switch
    {
        IDictionary<string, object?> settings => settings.TryGetValue("isFlags", out var flag) && flag is true,
        Newtonsoft.Json.Linq.JObject settings => settings["isFlags"] is Newtonsoft.Json.Linq.JValue { Value: true },
        _ => false,
    };
}
