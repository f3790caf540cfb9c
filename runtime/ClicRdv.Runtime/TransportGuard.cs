using System;
using System.Net;

namespace ClicRdv.Runtime;

/// <summary>Decides where credentials may go: over HTTPS, or over plain HTTP to this machine only.</summary>
internal static class TransportGuard
{
    public static bool IsSafe(Uri address) =>
        address.Scheme == Uri.UriSchemeHttps || address.IsLoopback || (IPAddress.TryParse(address.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Throws unless credentials may be sent to <paramref name="address"/>.</summary>
    public static void EnsureSafe(Uri address, bool allowInsecureHttp, string credential)
    {
        if (!allowInsecureHttp && !IsSafe(address))
        {
            throw Refusal(address, credential);
        }
    }

    public static ClicRdvInsecureTransportException Refusal(Uri address, string credential) => new(
        $"Refusing to send the {credential} over plain HTTP to {address.Host}: anyone on the path could read it. Use https://, or set ClicRdv:AllowInsecureHttp to true if this is intended.");

    /// <summary>Whether the absolute <paramref name="request"/> goes to the API's own scheme, host and port (credentials go nowhere else).</summary>
    public static bool IsApiHost(Uri request, Uri api) =>
        request.Port == api.Port
        && string.Equals(request.Scheme, api.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(request.IdnHost, api.IdnHost, StringComparison.OrdinalIgnoreCase);
}
