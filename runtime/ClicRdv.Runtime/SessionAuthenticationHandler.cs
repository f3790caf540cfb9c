using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ClicRdv.Runtime;

/// <summary>
/// Sends the session cookie (<c>Cookie: _session_id=...</c>) on every request to the API's host, logging in first when
/// there is no session or it sat idle too long. An answer that shows the session is gone (401, 403, or a redirect to
/// a login page) causes one new login and one replay of the request; a second such answer is returned as it is, so
/// the caller gets the API's error instead of a loop. Only a body within <see cref="ClicRdvOptions.MaxReplayBodyBytes"/>
/// is kept for that replay; a request with a larger one gets its rejection back. The cookie is taken off the request once sent. It
/// also puts the apikey in the query while the request is sent; the session's own login request gets the apikey only.
/// </summary>
internal sealed class SessionAuthenticationHandler : DelegatingHandler
{
    private const string CookieHeader = "Cookie";

    private readonly ClicRdvSession _session;
    private readonly ApiHost _api;
    private readonly bool _allowInsecureHttp;
    private readonly ApiKeyQuery _apiKey;

    /// <summary>Creates the handler; every handler of one registration shares <paramref name="session"/>.</summary>
    /// <param name="session">The session of the registration.</param>
    /// <param name="apiAddress">The API's root address: the only host that gets the session.</param>
    /// <param name="allowInsecureHttp">Allows plain HTTP to a host other than loopback.</param>
    /// <param name="apiKey">The application's apikey.</param>
    public SessionAuthenticationHandler(ClicRdvSession session, Uri apiAddress, bool allowInsecureHttp, string apiKey)
    {
        _session = session ?? throw new ArgumentNullException(nameof(session));
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

        _api.EnsureSafe(_allowInsecureHttp, "session");
        if (request.Options.TryGetValue(SessionLogin.IsLogin, out var isLogin) && isLogin)
        {
            return await SendWithApiKeyAsync(request, request.RequestUri!, cancellationToken).ConfigureAwait(false);
        }

        // A replay needs the body again: keep it, within a bound, before the first send consumes it.
        var replayable = await ReplayableBody.PrepareAsync(request, _session.MaxReplayBodyBytes, cancellationToken).ConfigureAwait(false);

        // One send, and one replay with a new session if the answer shows the session is gone. The replay is a copy:
        // not disposed, as it shares the original's body, which belongs to the caller.
        var address = request.RequestUri;
        var (response, ticket) = await SendWithSessionAsync(request, address, cancellationToken).ConfigureAwait(false);
        if (ShowsSessionGone(response))
        {
            _session.Invalidate(ticket);
            if (!replayable)
            {
                response.RequestMessage = request;
                return response;
            }

            response.Dispose();
            using var replay = _session.StartReplay(request);
            (response, _) = await SendWithSessionAsync(Clone(request), address, cancellationToken).ConfigureAwait(false);
        }

        response.RequestMessage = request;
        return response;
    }

    /// <summary>Sends <paramref name="toSend"/> with the current session (and the apikey), then takes both off it again.</summary>
    private async Task<(HttpResponseMessage Response, SessionTicket Ticket)> SendWithSessionAsync(HttpRequestMessage toSend, Uri address, CancellationToken cancellationToken)
    {
        var ticket = await _session.AcquireAsync(forRequest: true, cancellationToken).ConfigureAwait(false);
        var previousCookies = AttachCookie(toSend, ticket);
        try
        {
            return (await SendWithApiKeyAsync(toSend, address, cancellationToken).ConfigureAwait(false), ticket);
        }
        finally
        {
            DetachCookie(toSend, previousCookies);
        }
    }

    /// <summary>Sends <paramref name="toSend"/> with the apikey in its query, then puts its address back.</summary>
    private async Task<HttpResponseMessage> SendWithApiKeyAsync(HttpRequestMessage toSend, Uri address, CancellationToken cancellationToken)
    {
        toSend.RequestUri = _apiKey.AddTo(address);
        try
        {
            return await base.SendAsync(toSend, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            toSend.RequestUri = address;
        }
    }

    /// <summary>Adds the session to the request's cookies; returns the cookies the caller had set, to put back after.</summary>
    private static List<string>? AttachCookie(HttpRequestMessage request, SessionTicket ticket)
    {
        var previous = request.Headers.TryGetValues(CookieHeader, out var values) ? values.ToList() : null;
        if (previous is null)
        {
            request.Headers.TryAddWithoutValidation(CookieHeader, ticket.Cookie);
        }
        else
        {
            request.Headers.Remove(CookieHeader);
            request.Headers.TryAddWithoutValidation(CookieHeader, string.Join("; ", previous.Append(ticket.Cookie)));
        }

        return previous;
    }

    /// <summary>Takes the session off the request once sent, so that it shows in no response, exception or log.</summary>
    private static void DetachCookie(HttpRequestMessage request, List<string>? previous)
    {
        request.Headers.Remove(CookieHeader);
        if (previous is not null)
        {
            request.Headers.TryAddWithoutValidation(CookieHeader, previous);
        }
    }

    /// <summary>ClicRDV does not document what a lost session gets; these are the answers that can mean it.</summary>
    private static bool ShowsSessionGone(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => true,
        HttpStatusCode.Moved or HttpStatusCode.Redirect or HttpStatusCode.RedirectMethod or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect =>
            response.Headers.Location?.OriginalString.Contains("login", StringComparison.OrdinalIgnoreCase) == true,
        _ => false,
    };

    /// <summary>A copy to send again: the same method, address, headers, options and (buffered) body.</summary>
    private static HttpRequestMessage Clone(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
            Content = request.Content,
        };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        return copy;
    }
}
