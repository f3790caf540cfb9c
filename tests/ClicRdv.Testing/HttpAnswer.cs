using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ClicRdv.Testing;

/// <summary>An answer as a client received it, with the request it answers (its method, path and query).</summary>
/// <param name="Headers">The response's headers and its content's headers, repeated values joined with ", ".</param>
public sealed record HttpAnswer(string Method, string PathAndQuery, int Status, string? ContentType, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>Reads a response whole (its content stays readable: it is buffered).</summary>
    public static async Task<HttpAnswer> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var request = response.RequestMessage ?? throw new ArgumentException("The response has no request.", nameof(response));
        return new HttpAnswer(
            request.Method.Method,
            request.RequestUri!.PathAndQuery,
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            response.Headers.Concat(response.Content.Headers).ToDictionary(header => header.Key, header => string.Join(", ", header.Value), StringComparer.OrdinalIgnoreCase),
            await response.Content.ReadAsStringAsync(cancellationToken));
    }
}

/// <summary>What the response validator says of an answer.</summary>
/// <param name="Operation">The operation the request names, such as <c>GET /api/v1/groups/{id} (getGroup)</c>; null when none does.</param>
/// <param name="Errors">Why the answer does not match the document; empty when it does.</param>
public sealed record AnswerVerdict(bool Valid, string? Operation, IReadOnlyList<string> Errors);
