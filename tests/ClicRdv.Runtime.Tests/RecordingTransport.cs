using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ClicRdv.Runtime.Tests;

/// <summary>
/// An in-memory last handler for the few cases no local server can show (a non-loopback host): it answers 200 and
/// reports what it was sent in response headers.
/// </summary>
internal sealed class RecordingTransport : HttpMessageHandler
{
    public int Calls { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent("{}") };
        response.Headers.TryAddWithoutValidation("X-Sent-Query", request.RequestUri!.Query);
        response.Headers.TryAddWithoutValidation("X-Sent-Authorization", request.Headers.Authorization?.ToString() ?? string.Empty);
        response.Headers.TryAddWithoutValidation("X-Sent-Cookie", request.Headers.TryGetValues("Cookie", out var cookies) ? string.Join("; ", cookies) : string.Empty);
        return Task.FromResult(response);
    }
}
