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
    }

    public string SessionId { get; }

    public ClicRdvProfile Profile { get; }

    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);
}
