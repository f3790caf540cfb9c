using System;
using System.Threading;

namespace ClicRdv.Runtime;

/// <summary>One logged-in session: its id and profile, and when it was last used.</summary>
internal sealed class SessionTicket
{
    private long _lastUsedTicks;

    public SessionTicket(string sessionId, ClicRdvProfile profile)
    {
        SessionId = sessionId;
        Profile = profile;
        Cookie = "_session_id=" + sessionId;
    }

    public string SessionId { get; }

    /// <summary>The <c>Cookie</c> header value that carries the session.</summary>
    public string Cookie { get; }

    public ClicRdvProfile Profile { get; }

    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);
}
