using System.Collections.Generic;
using Microsoft.AspNetCore.WebUtilities;

namespace ClicRdv.Emulator.Pipeline;

/// <summary>
/// The name/value pairs of a query string or a form body (both <c>application/x-www-form-urlencoded</c>), decoded, in
/// the order sent, with repeated names kept once per value and names kept as written (ASP.NET's own query collection
/// merges names that differ only in case, which would hide a duplicate).
/// </summary>
internal static class UrlEncodedPairs
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var pair in new QueryStringEnumerable(text))
        {
            pairs.Add(new KeyValuePair<string, string>(pair.DecodeName().ToString(), pair.DecodeValue().ToString()));
        }

        return pairs;
    }
}
