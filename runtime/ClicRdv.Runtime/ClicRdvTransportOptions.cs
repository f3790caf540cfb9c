using System;
using System.Collections.Generic;
using System.Net.Http;

namespace ClicRdv.Runtime;

/// <summary>
/// What an application sets on an account's socket handler (<c>ConfigureClicRdvTransport</c>): a proxy, client
/// certificates, connection limits. Kept per HttpClient name, as named options.
/// </summary>
internal sealed class ClicRdvTransportOptions
{
    public List<Action<SocketsHttpHandler>> Configure { get; } = new();

    /// <summary>The socket handler with the application's settings, then the two the authentication relies on.</summary>
    public SocketsHttpHandler CreateTransport()
    {
        var transport = ClicRdvHandlers.CreateTransport();
        foreach (var configure in Configure)
        {
            configure(transport);
        }

        // A followed redirect would hide a lost session and could carry credentials elsewhere; a cookie container
        // would send a session the session handler no longer means to.
        transport.AllowAutoRedirect = false;
        transport.UseCookies = false;
        return transport;
    }
}
