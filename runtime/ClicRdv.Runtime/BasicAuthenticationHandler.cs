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
/// the header off the request once sent, so that it shows in no response, exception or log. It also puts the apikey in
/// the query while the request is sent.
/// </summary>
internal sealed class BasicAuthenticationHandler : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _header;
    private readonly ApiHost _api;
    private readonly bool _allowInsecureHttp;
    private readonly ApiKeyQuery _apiKey;

    /// <summary>Creates the handler for the API at <paramref name="apiAddress"/>.</summary>
    /// <param name="email">The user's email.</param>
    /// <param name="password">The user's password.</param>
    /// <param name="apiAddress">The API's root address: the only host that gets the credentials.</param>
    /// <param name="allowInsecureHttp">Allows plain HTTP to a host other than loopback.</param>
    /// <param name="apiKey">The application's apikey.</param>
    public BasicAuthenticationHandler(string email, string password, Uri apiAddress, bool allowInsecureHttp, string apiKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        ArgumentNullException.ThrowIfNull(password);
        _header = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(email + ":" + password)));
        _api = new ApiHost(apiAddress ?? throw new ArgumentNullException(nameof(apiAddress)));
        _allowInsecureHttp = allowInsecureHttp;
        _apiKey = new ApiKeyQuery(apiKey, _api);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_api.Matches(request.RequestUri))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        _api.EnsureSafe(_allowInsecureHttp, "Basic credentials");
        var previous = request.Headers.Authorization;
        var address = request.RequestUri;
        request.Headers.Authorization = _header;
        request.RequestUri = _apiKey.AddTo(address);

        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.Headers.Authorization = previous;
            request.RequestUri = address;
        }
    }
}
