using System.Collections.Generic;

namespace ClicRdv.Emulator.Pipeline;

/// <summary>A request as the emulator received it, and the status it answered.</summary>
/// <param name="Query">The query parameters, decoded, in order (repeated keys appear once per value).</param>
/// <param name="Cookies">The request's cookies by name.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string RawQuery,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Cookies,
    string Body)
{
    /// <summary>The status the emulator answered.</summary>
    public int Status { get; internal set; }

    /// <summary>The operationId the request was routed to, if any.</summary>
    public string? OperationId { get; internal set; }
}
