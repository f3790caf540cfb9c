using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClicRdv.Runtime;

/// <summary>
/// The session shared by every request of one registration: the current <c>_session_id</c>, the logged-in profile,
/// and when it was last used. Logging in is serialized, so that any number of concurrent first requests cause one
/// login. The session logs in through its account's HttpClient, the clients' own pipeline: your handlers, the
/// logging and the transport see the login as they see the calls.
/// </summary>
public sealed class ClicRdvSession : IDisposable
{
    private readonly SemaphoreSlim _loginLock = new(1, 1);
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _idleTimeout;
    private readonly TimeSpan _loginTimeout;
    private readonly SessionLogin _login;
    private readonly Func<HttpClient> _loginClient;
    private readonly ILogger _logger;
    private readonly KeyValuePair<string, object?>[] _accountTags;
    private SessionTicket? _current;
    private int _loginCount;

    /// <summary>Creates a session for <paramref name="options"/> (a session mode); the first request logs in.</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="loginClient">The account's HttpClient, which logins are sent through.</param>
    /// <param name="timeProvider">The clock that measures idle time.</param>
    /// <param name="logger">Where logins and replays are logged (see <see cref="ClicRdvTelemetry"/> for their traces and metrics).</param>
    /// <param name="account">The account's name, tagged on its metrics; null for the unnamed registration.</param>
    internal ClicRdvSession(ClicRdvOptions options, Func<HttpClient> loginClient, TimeProvider? timeProvider = null, ILogger? logger = null, string? account = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Authentication == ClicRdvAuthentication.Basic)
        {
            throw new ArgumentException("Basic authentication has no session.", nameof(options));
        }

        var apiAddress = options.ResolveBaseAddress();
        TransportGuard.EnsureSafe(apiAddress, options.AllowInsecureHttp, "session login");
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _idleTimeout = options.SessionIdleTimeout;
        _loginTimeout = options.Timeout;
        MaxReplayBodyBytes = options.MaxReplayBodyBytes;
        _login = new SessionLogin(apiAddress, options.Authentication, options.Email!, options.Password!);
        _loginClient = loginClient ?? throw new ArgumentNullException(nameof(loginClient));
        _accountTags = account is null ? Array.Empty<KeyValuePair<string, object?>>() : new[] { new KeyValuePair<string, object?>(ClicRdvTelemetry.AccountTag, account) };
    }

    /// <summary>The largest request body kept for a replay (<see cref="ClicRdvOptions.MaxReplayBodyBytes"/>).</summary>
    internal long MaxReplayBodyBytes { get; }

    /// <summary>The logged-in profile, or null before the first login.</summary>
    public ClicRdvProfile? Profile => Volatile.Read(ref _current)?.Profile;

    /// <summary>How many logins this session has made (the first one, then each renewal); the Meter publishes them.</summary>
    internal int LoginCount => Volatile.Read(ref _loginCount);

    /// <summary>The logged-in profile (with its <c>group_id</c>), logging in first if needed.</summary>
    public async Task<ClicRdvProfile> GetProfileAsync(CancellationToken cancellationToken = default) =>
        (await AcquireAsync(forRequest: false, cancellationToken).ConfigureAwait(false)).Profile;

    /// <inheritdoc />
    public void Dispose() => _loginLock.Dispose();

    /// <summary>
    /// A usable session: the current one, or a new one if there is none or it sat idle too long. For a request, it is
    /// marked used now (the server's idle clock restarts with each request), with the clock read once for both.
    /// </summary>
    internal async ValueTask<SessionTicket> AcquireAsync(bool forRequest, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (TryUse(current, forRequest))
        {
            return current;
        }

        await _loginLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = Volatile.Read(ref _current);
            if (TryUse(current, forRequest))
            {
                return current;
            }

            // The current ticket is kept when it sat idle, and dropped when ClicRDV rejected it (Invalidate).
            var reason = current is not null ? "idle" : LoginCount == 0 ? "first" : "rejected";
            var fresh = await ObservedLoginAsync(reason, cancellationToken).ConfigureAwait(false);
            fresh.Touch(_timeProvider.GetTimestamp());
            Interlocked.Increment(ref _loginCount);
            Volatile.Write(ref _current, fresh);
            return fresh;
        }
        finally
        {
            _loginLock.Release();
        }
    }

    /// <summary>A login, traced, measured and logged with why it was needed and how it ended.</summary>
    private async Task<SessionTicket> ObservedLoginAsync(string reason, CancellationToken cancellationToken)
    {
        using var activity = Tagged(ClicRdvTelemetry.Source.StartActivity(ClicRdvTelemetry.LoginActivity));
        activity?.SetTag(ClicRdvTelemetry.ReasonTag, reason);

        var started = _timeProvider.GetTimestamp();
        try
        {
            var ticket = await LoginWithinTimeoutAsync(cancellationToken).ConfigureAwait(false);
            var elapsed = _timeProvider.GetElapsedTime(started);
            Record(activity, reason, "success", elapsed);
            SessionLog.LoggedIn(_logger, reason, elapsed);
            return ticket;
        }
        catch (Exception exception)
        {
            var elapsed = _timeProvider.GetElapsedTime(started);
            Record(activity, reason, "failure", elapsed);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            SessionLog.LoginFailed(_logger, reason, elapsed, exception);
            throw;
        }
    }

    private void Record(Activity? activity, string reason, string outcome, TimeSpan elapsed)
    {
        activity?.SetTag(ClicRdvTelemetry.OutcomeTag, outcome);
        ClicRdvTelemetry.Logins.Add(1, Tags((ClicRdvTelemetry.ReasonTag, reason), (ClicRdvTelemetry.OutcomeTag, outcome)));
        ClicRdvTelemetry.LoginDuration.Record(elapsed.TotalSeconds, Tags((ClicRdvTelemetry.OutcomeTag, outcome)));
        if (reason != "first" && outcome == "success")
        {
            ClicRdvTelemetry.Renewals.Add(1, Tags((ClicRdvTelemetry.ReasonTag, reason)));
        }
    }

    /// <summary>
    /// Counts and logs a request about to be sent again because ClicRDV rejected its session, and starts the activity
    /// the new login and the second send are children of.
    /// </summary>
    internal Activity? StartReplay(HttpRequestMessage request)
    {
        ClicRdvTelemetry.Replays.Add(1, Tags());
        SessionLog.Replayed(_logger, request.Method.Method, request.RequestUri?.AbsolutePath ?? string.Empty);
        return Tagged(ClicRdvTelemetry.Source.StartActivity(ClicRdvTelemetry.ReplayActivity));
    }

    /// <summary>Puts the account's name on <paramref name="activity"/>, for a named account.</summary>
    private Activity? Tagged(Activity? activity)
    {
        foreach (var tag in _accountTags)
        {
            activity?.SetTag(tag.Key, tag.Value);
        }

        return activity;
    }

    /// <summary>A measurement's tags: <paramref name="tags"/>, and the account's name for a named account.</summary>
    private TagList Tags(params (string Name, string Value)[] tags)
    {
        var list = new TagList(_accountTags);
        foreach (var (name, value) in tags)
        {
            list.Add(name, value);
        }

        return list;
    }

    /// <summary>
    /// Logs in, giving up after the configured Timeout: a login that never answers would otherwise hold every request
    /// waiting for the session. It fails the way HttpClient's timeout does.
    /// </summary>
    private async Task<SessionTicket> LoginWithinTimeoutAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_loginTimeout);
        try
        {
            // Headers only: the login reads its answer itself, within its own bound, not the clients' larger one.
            return await _login.LoginAsync((request, token) => _loginClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token), deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            var message = $"The ClicRDV login did not finish within the configured Timeout of {_loginTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} seconds.";
            throw new TaskCanceledException(message, new TimeoutException(message, exception));
        }
        catch (OperationCanceledException exception) when (exception.CancellationToken != cancellationToken)
        {
            // The caller's cancellation names the caller's token, as HttpClient's does, not the deadline linked to it.
            throw new TaskCanceledException(exception.Message, exception, cancellationToken);
        }
    }

    /// <summary>Drops <paramref name="stale"/> if it is still the current session (another request may have renewed it already).</summary>
    internal void Invalidate(SessionTicket stale) => Interlocked.CompareExchange(ref _current, null, stale);

    /// <summary>Whether <paramref name="ticket"/> can be used (it exists and has not sat idle too long), marking it used for a request.</summary>
    private bool TryUse([NotNullWhen(true)] SessionTicket? ticket, bool forRequest)
    {
        if (ticket is null)
        {
            return false;
        }

        var now = _timeProvider.GetTimestamp();
        if (_timeProvider.GetElapsedTime(ticket.LastUsed, now) >= _idleTimeout)
        {
            return false;
        }

        if (forRequest)
        {
            ticket.Touch(now);
        }

        return true;
    }
}
