namespace ClicRdv.Generated.Support;

using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// Takes the one record out of an answer the document marks <c>x-unwrap</c>: <c>{"records":[{...}]}</c> or
/// <c>{"records":{...}}</c> give the inner object; an answer without the member is the record itself (a server that
/// answers bare). Any other number of records is an error, never a silent pick.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class EnvelopeRecord
{
    /// <summary>The record's JSON as UTF-8 content, to be read like any answer.</summary>
    public static async ValueTask<HttpContent> UnwrapAsync(HttpContent content, string member, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var root = document.RootElement;
        var record = root.ValueKind == JsonValueKind.Object && root.TryGetProperty(member, out var inner) ? Single(inner, member) : root;
        var result = new ByteArrayContent(Encoding.UTF8.GetBytes(record.GetRawText()));
        result.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return result;
    }

    private static JsonElement Single(JsonElement inner, string member) => inner.ValueKind switch
    {
        JsonValueKind.Array when inner.GetArrayLength() == 1 => inner[0],
        JsonValueKind.Array => throw new JsonException($"The answer's '{member}' holds {inner.GetArrayLength()} records where the document promises one."),
        _ => inner,
    };
}
