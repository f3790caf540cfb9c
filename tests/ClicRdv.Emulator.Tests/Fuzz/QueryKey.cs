using System;
using System.Globalization;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>Query keys as they go on the wire.</summary>
internal static class QueryKey
{
    /// <summary>A key, percent-encoded (<c>intervention_ids[]</c> becomes <c>intervention_ids%5B%5D</c>).</summary>
    public static string Wire(string key) => Uri.EscapeDataString(key);

    /// <summary>The key of one field of item <paramref name="index"/> of a deepObject parameter: <c>conditions[0][field]</c>.</summary>
    public static string DeepObjectField(DocumentParameter parameter, int index, string field) => parameter.Schema.Type == "array"
        ? string.Create(CultureInfo.InvariantCulture, $"{parameter.Name}[{index}][{field}]")
        : $"{parameter.Name}[{field}]";
}
