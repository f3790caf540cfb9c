using System;
using Microsoft.Extensions.Logging;

namespace ClicRdv.Runtime;

/// <summary>The session's log events. They name what happened and how long it took; never a credential, cookie or query string.</summary>
internal static class SessionLog
{
    public static readonly EventId LoggedInEvent = new(1001, "ClicRdvLoggedIn");
    public static readonly EventId LoginFailedEvent = new(1002, "ClicRdvLoginFailed");
    public static readonly EventId ReplayedEvent = new(1003, "ClicRdvReplayed");

    private static readonly Action<ILogger, string, double, Exception?> s_loggedIn =
        LoggerMessage.Define<string, double>(LogLevel.Information, LoggedInEvent, "Logged in to ClicRDV ({Reason}) in {ElapsedMilliseconds} ms");

    private static readonly Action<ILogger, string, double, Exception?> s_loginFailed =
        LoggerMessage.Define<string, double>(LogLevel.Warning, LoginFailedEvent, "The ClicRDV login ({Reason}) failed after {ElapsedMilliseconds} ms");

    private static readonly Action<ILogger, string, string, Exception?> s_replayed =
        LoggerMessage.Define<string, string>(LogLevel.Information, ReplayedEvent, "ClicRDV rejected the session of {Method} {Path}: sending it once more with a new session");

    public static void LoggedIn(ILogger logger, string reason, TimeSpan elapsed) => s_loggedIn(logger, reason, elapsed.TotalMilliseconds, null);

    /// <remarks>The exception's message is the redacted one of <see cref="ClicRdvAuthenticationException"/> or of the transport.</remarks>
    public static void LoginFailed(ILogger logger, string reason, TimeSpan elapsed, Exception exception) => s_loginFailed(logger, reason, elapsed.TotalMilliseconds, exception);

    /// <summary>Logs a replay with the request's method and path, never its query, which holds the apikey.</summary>
    public static void Replayed(ILogger logger, string method, string path) => s_replayed(logger, method, path, null);
}
