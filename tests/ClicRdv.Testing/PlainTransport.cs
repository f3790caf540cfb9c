using System.Net.Http;

namespace ClicRdv.Testing;

/// <summary>A socket handler for requests written by hand: no redirects followed and no cookies kept, so that a test sees every answer as sent.</summary>
public static class PlainTransport
{
    public static SocketsHttpHandler Create() => new() { AllowAutoRedirect = false, UseCookies = false };
}
