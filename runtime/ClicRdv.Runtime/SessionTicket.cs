using System;
using System.Threading;

namespace ClicRdv.Runtime;

/// <summary>One logged-in session: its id and profile, and when it was last used.</summary>
internal sealed class SessionTicket
{
    private long _lastUsed;

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

    /// <summary>When the session was last used, as a <see cref="TimeProvider.GetTimestamp"/> of the session's clock.</summary>
    public long LastUsed => Interlocked.Read(ref _lastUsed);

    public void Touch(long timestamp) => Interlocked.Exchange(ref _lastUsed, timestamp);
}
