using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using ClicRdv.Emulator.Pipeline;

namespace ClicRdv.Emulator.Endpoints;

/// <summary><c>POST /api/v1/sessions/login</c>: the SHA1 of the password, a <c>_session_id</c> cookie, the wrapped profile.</summary>
internal sealed class SessionEndpoints
{
    private readonly IReadOnlyList<EmulatorUser> _users;
    private readonly Sessions _sessions;

    public SessionEndpoints(IReadOnlyList<EmulatorUser> users, Sessions sessions)
    {
        _users = users;
        _sessions = sessions;
    }

    private int _logins;

    public int Logins => Volatile.Read(ref _logins);

    public ApiResult Login(ApiCall call)
    {
        Interlocked.Increment(ref _logins);
        var form = call.Form();
        var kind = form.ContainsKey("pro[email]") ? "pro" : "account";
        var email = form.GetValueOrDefault(kind + "[email]");
        var hash = form.GetValueOrDefault(kind + "[password]");
        var user = _users.FirstOrDefault(candidate => candidate.Kind == kind && candidate.Email == email && Sha1Hex(candidate.Password) == hash);
        if (user is null)
        {
            return ApiResult.Error(401, "Invalid email or password.");
        }

        var profile = new JsonObject
        {
            ["id"] = user.Id,
            ["firstname"] = user.FirstName,
            ["lastname"] = user.LastName,
            ["email"] = user.Email,
            ["group_id"] = user.GroupId,
        };
        var body = new JsonObject { [kind] = profile, ["error"] = null };
        var cookie = new KeyValuePair<string, string>("Set-Cookie", $"_session_id={_sessions.Open(user)}; path=/; HttpOnly");
        return new ApiResult(200, body, new[] { cookie });
    }

    /// <summary>The user of a Basic header, or null.</summary>
    public EmulatorUser? FromBasic(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var separator = decoded.IndexOf(':', StringComparison.Ordinal);
        return separator < 0
            ? null
            : _users.FirstOrDefault(user => user.Email == decoded[..separator] && user.Password == decoded[(separator + 1)..]);
    }

    private static string Sha1Hex(string password) =>
#pragma warning disable CA5350 // ClicRDV's login compares SHA1 hashes; the emulator does what the API does.
        Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password))).ToLowerInvariant();
#pragma warning restore CA5350
}
