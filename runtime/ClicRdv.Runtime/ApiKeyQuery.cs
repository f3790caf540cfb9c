using System;
using System.Text;

namespace ClicRdv.Runtime;

/// <summary>
/// Puts <c>apikey=&lt;key&gt;</c> in the query of a URI to the API, replacing any <c>apikey</c> already there (so a
/// retried request never carries two), and <c>format=json</c> unless the query names a format: ClicRDV serves XML
/// too, and the clients that ran against it in production select JSON this way (README, "Choosing JSON"). Used by
/// the authentication handlers, which carry the key themselves (one handler in the chain instead of two).
/// </summary>
internal sealed class ApiKeyQuery
{
    private const string Parameter = "apikey";
    private const string FormatParameter = "format";
    private const string JsonFormat = FormatParameter + "=json";

    // The address is built from an already canonical URI, so parsing it again need not canonicalize it.
    private static readonly UriCreationOptions Canonical = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly string _escapedKey;
    private readonly string _parameter;
    private readonly ApiHost _api;

    public ApiKeyQuery(string apiKey, ApiHost api)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        _escapedKey = Uri.EscapeDataString(apiKey);
        _parameter = JsonFormat + "&" + Parameter + "=" + _escapedKey;
        _api = api;
    }

    /// <summary>The URI with every <c>apikey</c> parameter removed, then <c>format=json</c> (unless it names a format) and one <c>apikey</c> added at the end.</summary>
    public Uri AddTo(Uri uri)
    {
        // The common case, a query without any apikey or format, is a plain append to the URI's text: its original text
        // when that is already canonical (as generated clients write it), which spares parsing it, else its AbsoluteUri.
        // In either, the first '?' starts the query and a '#' the fragment (in the path and the query they are escaped).
        var absolute = _api.IsCanonical(uri.OriginalString) ? uri.OriginalString : uri.AbsoluteUri;
        var queryStart = absolute.IndexOf('?');
        if (absolute.IndexOf('#') < 0
            && (queryStart < 0 || (absolute.IndexOf(Parameter, queryStart, StringComparison.OrdinalIgnoreCase) < 0 && absolute.IndexOf(FormatParameter, queryStart, StringComparison.OrdinalIgnoreCase) < 0)))
        {
            var separator = queryStart < 0 ? "?" : queryStart == absolute.Length - 1 ? string.Empty : "&";
            return new Uri(string.Concat(absolute, separator, _parameter), Canonical);
        }

        return WithApiKey(uri, _escapedKey);
    }

    /// <summary>The URI with every <c>apikey</c> parameter removed, then <c>format=json</c> (unless it names a format) and one <c>apikey</c> added at the end.</summary>
    public static Uri WithApiKey(Uri uri, string escapedKey)
    {
        var query = uri.Query;
        var builder = new StringBuilder(query.Length + escapedKey.Length + 20);
        var namesFormat = false;
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(pair.Split('=', 2)[0]);
            if (string.Equals(name, Parameter, StringComparison.Ordinal))
            {
                continue;
            }

            namesFormat |= string.Equals(name, FormatParameter, StringComparison.Ordinal);
            builder.Append(builder.Length == 0 ? '?' : '&').Append(pair);
        }

        if (!namesFormat)
        {
            builder.Append(builder.Length == 0 ? '?' : '&').Append(JsonFormat);
        }

        builder.Append(builder.Length == 0 ? '?' : '&').Append(Parameter).Append('=').Append(escapedKey);
        var uriBuilder = new UriBuilder(uri) { Query = builder.ToString(1, builder.Length - 1) };
        return uriBuilder.Uri;
    }
}
