using System;
using System.Net.Http;

namespace ClicRdv.Runtime;

/// <summary>Which ClicRDV servers to call.</summary>
public enum ClicRdvEnvironment
{
    /// <summary><c>https://sandbox.clicrdv.com</c>, for development; its API keys differ from production's.</summary>
    Sandbox,

    /// <summary><c>https://www.clicrdv.com</c>.</summary>
    Production,
}

/// <summary>How the user is identified (the application always is, by the apikey).</summary>
public enum ClicRdvAuthentication
{
    /// <summary>HTTP Basic with the email and password, sent pre-emptively on every request.</summary>
    Basic,

    /// <summary>A session of a professional user (<c>pro[...]</c>): the agenda API.</summary>
    ProSession,

    /// <summary>A session of an end customer (<c>account[...]</c>): the booking API.</summary>
    AccountSession,
}

/// <summary>
/// Settings of the ClicRDV clients, bound from the <c>ClicRdv</c> configuration section (appsettings.json,
/// environment variables such as <c>ClicRdv__ApiKey</c>, user secrets) and validated at start.
/// </summary>
public sealed class ClicRdvOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "ClicRdv";

    /// <summary>The servers to call when <see cref="BaseAddress"/> is not set. Sandbox by default.</summary>
    public ClicRdvEnvironment Environment { get; set; } = ClicRdvEnvironment.Sandbox;

    /// <summary>An explicit root address (a local emulator, a proxy); it wins over <see cref="Environment"/>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The application's API key, sent as <c>apikey</c> in the query of every request.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How the user is identified. A professional user's session by default.</summary>
    public ClicRdvAuthentication Authentication { get; set; } = ClicRdvAuthentication.ProSession;

    /// <summary>The user's email (the login).</summary>
    public string? Email { get; set; }

    /// <summary>The user's password, in clear: Basic sends it inside TLS, a session login sends its SHA1 only.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Allows credentials over plain <c>http://</c> to a host other than loopback. Off by default: the password (Basic)
    /// or the session would travel readable by anyone on the path.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// How long a session may stay unused before it is renewed ahead of the next request. The server drops a session
    /// after one hour without requests; the default, 55 minutes, keeps a margin for clock differences.
    /// </summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(55);

    /// <summary>
    /// The longest a call may take, from sending the request to reading the last byte of the answer (and the longest a
    /// login may take). 30 seconds by default; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none. A call
    /// that runs out surfaces as HttpClient's own timeout: a <see cref="System.Threading.Tasks.TaskCanceledException"/>
    /// whose inner exception is a <see cref="TimeoutException"/>.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest answer a call reads, in bytes: a larger one fails with an exception carrying its status and first
    /// bytes instead of filling the memory. 16 MiB by default; it becomes the HttpClient's MaxResponseContentBufferSize.
    /// </summary>
    public long MaxResponseContentBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// The largest request body, in bytes, kept in memory so that the request can be sent again with a new session if
    /// ClicRDV rejects its session. A larger body (an upload) is streamed as it comes and, if its session is rejected,
    /// its request is not sent again: the caller gets the rejection (401, 403 or the redirect to the login page), and
    /// the next request logs in again. 1 MiB by default; 0 replays only requests without a body.
    /// </summary>
    public long MaxReplayBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The root address in use: <see cref="BaseAddress"/>, or the address of <see cref="Environment"/>.</summary>
    public Uri ResolveBaseAddress() => BaseAddress ?? (Environment == ClicRdvEnvironment.Production
        ? new Uri("https://www.clicrdv.com/")
        : new Uri("https://sandbox.clicrdv.com/"));

    /// <summary>Sets the address and the limits on the HttpClient the generated clients call through.</summary>
    internal void ApplyTo(HttpClient client)
    {
        client.BaseAddress = ResolveBaseAddress();
        client.Timeout = Timeout;
        client.MaxResponseContentBufferSize = MaxResponseContentBytes;
    }
}
