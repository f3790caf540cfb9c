using System.Collections.Generic;
using System.Linq;

namespace ClicRdv.Emulator.Pipeline;

/// <summary>
/// How a request selects the answer's format. ClicRDV serves JSON and XML, chosen by a <c>.json</c> suffix on the path
/// (its documentation's examples), by <c>format=json</c> in the query (what its own client and MedShake EHR send), or
/// by <c>Accept</c>. The emulator takes each of these forms and serves JSON only: asking for another format is a 400.
/// </summary>
internal static class ResponseFormat
{
    public const string QueryParameter = "format";

    private const string Json = "json";

    /// <summary>Why the query's format cannot be served, or null when it asks for JSON or for nothing.</summary>
    public static string? Refusal(IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var formats = query.Where(pair => pair.Key == QueryParameter).Select(pair => pair.Value).ToList();
        return formats.Count switch
        {
            0 => null,
            1 when formats[0] == Json => null,
            1 => $"format={formats[0]} cannot be served: the emulator answers JSON only (format=json)",
            _ => $"'{QueryParameter}' is given {formats.Count} times but takes one value",
        };
    }
}
