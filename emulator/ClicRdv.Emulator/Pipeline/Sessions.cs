using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ClicRdv.Emulator.Pipeline;

/// <summary>Open sessions by <c>_session_id</c>; one expires after the configured idle lifetime (ClicRDV: one hour).</summary>
internal sealed class Sessions
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly TimeSpan _idleLifetime;

    public Sessions(TimeProvider clock, TimeSpan idleLifetime)
    {
        _clock = clock;
        _idleLifetime = idleLifetime;
    }

    public int Count => _entries.Count;

    public string Open(EmulatorUser user)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        _entries[id] = new Entry(user, _clock.GetUtcNow());
        return id;
    }

    /// <summary>The session's user, renewing its idle clock; null if it does not exist or has expired.</summary>
    public EmulatorUser? Use(string sessionId)
    {
        if (!_entries.TryGetValue(sessionId, out var entry))
        {
            return null;
        }

        var now = _clock.GetUtcNow();
        if (now - entry.LastUsed > _idleLifetime)
        {
            _entries.TryRemove(sessionId, out _);
            return null;
        }

        _entries[sessionId] = entry with { LastUsed = now };
        return entry.User;
    }

    /// <summary>Drops every session, as if the server restarted.</summary>
    public void Clear() => _entries.Clear();

    private sealed record Entry(EmulatorUser User, DateTimeOffset LastUsed);
}
