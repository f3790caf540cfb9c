using System;
using System.Net;
using System.Net.Http;

namespace ClicRdv.Runtime;

/// <summary>
/// Builds the primary handler of a ClicRDV client: the authentication handler (session or Basic, which adds the apikey
/// too), then the socket handler. Being the primary handler, the whole chain sits inside HttpClientFactory's
/// logging handlers, so no logged URI or header ever carries the apikey, the credentials or the session.
/// </summary>
internal static class ClicRdvHandlers
{
    /// <summary>The chain for <paramref name="options"/>; <paramref name="session"/> is needed for the session modes.</summary>
    public static HttpMessageHandler CreatePrimaryHandler(ClicRdvOptions options, ClicRdvSession? session, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var apiAddress = options.ResolveBaseAddress();
        var socket = transport ?? CreateTransport();

        // The authentication handler adds the apikey too: one handler on every call instead of two.
        return options.Authentication switch
        {
            ClicRdvAuthentication.Basic => new BasicAuthenticationHandler(options.Email!, options.Password!, apiAddress, options.AllowInsecureHttp, options.ApiKey!) { InnerHandler = socket },
            _ => new SessionAuthenticationHandler(
                session ?? throw new ArgumentNullException(nameof(session), "The session modes need a ClicRdvSession."),
                apiAddress,
                options.AllowInsecureHttp,
                options.ApiKey!) { InnerHandler = socket },
        };
    }

    /// <summary>
    /// The socket handler: no automatic redirects (a redirect to the login page must be seen, and credentials must not
    /// follow a redirect elsewhere) and no cookie container (the session handler manages the only cookie that matters).
    /// </summary>
    public static SocketsHttpHandler CreateTransport() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
