using System;
using System.Net.Http;
using System.Text;
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
    private const string Parameter = "apikey";

    // The address is built from an already canonical URI, so parsing it again need not canonicalize it.
    private static readonly UriCreationOptions Canonical = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly string _escapedKey;
    private readonly string _parameter;
    private readonly Uri _apiAddress;

    /// <summary>Creates the handler for the API at <paramref name="apiAddress"/>.</summary>
    public ApiKeyQueryHandler(string apiKey, Uri apiAddress)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        _escapedKey = Uri.EscapeDataString(apiKey);
        _parameter = Parameter + "=" + _escapedKey;
        _apiAddress = apiAddress ?? throw new ArgumentNullException(nameof(apiAddress));
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri;
        if (original is null || !TransportGuard.IsApiHost(original, _apiAddress))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        request.RequestUri = WithApiKey(original);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.RequestUri = original;
        }
    }

    /// <summary>The URI with every <c>apikey</c> parameter removed and one added at the end.</summary>
    internal Uri WithApiKey(Uri uri)
    {
        // The common case, a query without any apikey, is a plain append. In an absolute URI, the first '?' starts the
        // query and a '#' the fragment (in the path and the query they are escaped).
        var absolute = uri.AbsoluteUri;
        var queryStart = absolute.IndexOf('?');
        if (absolute.IndexOf('#') < 0 && (queryStart < 0 || absolute.IndexOf(Parameter, queryStart, StringComparison.OrdinalIgnoreCase) < 0))
        {
            var separator = queryStart < 0 ? "?" : queryStart == absolute.Length - 1 ? string.Empty : "&";
            return new Uri(string.Concat(absolute, separator, _parameter), Canonical);
        }

        return WithApiKey(uri, _escapedKey);
    }

    /// <summary>The URI with every <c>apikey</c> parameter removed and one added at the end.</summary>
    internal static Uri WithApiKey(Uri uri, string escapedKey)
    {
        var query = uri.Query;
        var builder = new StringBuilder(query.Length + escapedKey.Length + 8);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = pair.Split('=', 2)[0];
            if (string.Equals(Uri.UnescapeDataString(name), Parameter, StringComparison.Ordinal))
            {
                continue;
            }

            builder.Append(builder.Length == 0 ? '?' : '&').Append(pair);
        }

        builder.Append(builder.Length == 0 ? '?' : '&').Append(Parameter).Append('=').Append(escapedKey);
        var uriBuilder = new UriBuilder(uri) { Query = builder.ToString(1, builder.Length - 1) };
        return uriBuilder.Uri;
    }
}
