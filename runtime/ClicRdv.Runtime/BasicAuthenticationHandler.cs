using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ClicRdv.Runtime;

/// <summary>
/// Sends <c>Authorization: Basic base64(email:password)</c> on every request to the API's host, pre-emptively: the
/// API never answers 401 to ask for it. It refuses plain HTTP to a host other than loopback unless allowed, and takes
/// the header off the request once sent, so that it shows in no response, exception or log.
/// </summary>
public sealed class BasicAuthenticationHandler : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _header;
    private readonly Uri _apiAddress;
    private readonly bool _allowInsecureHttp;

    /// <summary>Creates the handler for the API at <paramref name="apiAddress"/>.</summary>
    public BasicAuthenticationHandler(string email, string password, Uri apiAddress, bool allowInsecureHttp = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        ArgumentNullException.ThrowIfNull(password);
        _header = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(email + ":" + password)));
        _apiAddress = apiAddress ?? throw new ArgumentNullException(nameof(apiAddress));
        _allowInsecureHttp = allowInsecureHttp;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!TransportGuard.IsApiHost(request.RequestUri, _apiAddress))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        TransportGuard.EnsureSafe(request.RequestUri!, _allowInsecureHttp, "Basic credentials");
        var previous = request.Headers.Authorization;
        request.Headers.Authorization = _header;
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.Headers.Authorization = previous;
        }
    }
}
