using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ClicRdv.Runtime;

/// <summary>
/// Adds <c>apikey=&lt;key&gt;</c> to the query of every request to the API's host, replacing any <c>apikey</c>
/// already there (so a retried request never carries two). The body is never touched. The key is put on the request
/// only while it is sent: afterwards the request's URI is restored, so that neither the response's
/// <c>RequestMessage</c>, an <c>ApiException</c>, nor a log line shows it.
/// </summary>
public sealed class ApiKeyQueryHandler : DelegatingHandler
{
    private readonly ApiHost _api;
    private readonly ApiKeyQuery _apiKey;

    /// <summary>Creates the handler for the API at <paramref name="apiAddress"/>.</summary>
    public ApiKeyQueryHandler(string apiKey, Uri apiAddress)
    {
        _api = new ApiHost(apiAddress ?? throw new ArgumentNullException(nameof(apiAddress)));
        _apiKey = new ApiKeyQuery(apiKey, _api);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri;
        if (!_api.Matches(original))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        request.RequestUri = _apiKey.AddTo(original);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.RequestUri = original;
        }
    }
}
