using System;
using System.Collections.Generic;
using ClicRdv.Emulator.Pipeline;

namespace ClicRdv.Emulator;

/// <summary>A user the emulator lets in.</summary>
/// <param name="Kind">"pro" (a professional user) or "account" (an end customer).</param>
public sealed record EmulatorUser(string Kind, long Id, long GroupId, string Email, string Password, string FirstName, string LastName);

/// <summary>How an emulator starts: its apikey, its users, its clock.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The apikey the emulator accepts.</summary>
    public string ApiKey { get; init; } = "demo-apikey";

    /// <summary>The users who can log in (Basic or session).</summary>
    public IReadOnlyList<EmulatorUser> Users { get; init; } = new[]
    {
        new EmulatorUser("pro", 9, DemoData.GroupId, "demo@clicrdv.test", "demo-password", "Demo", "Pro"),
        new EmulatorUser("account", 51, DemoData.GroupId, "client@clicrdv.test", "client-password", "Claire", "Client"),
    };

    /// <summary>The clock for session expiry, record dates and "now" in availability; tests can move it.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long a session lives without requests (ClicRDV: one hour).</summary>
    public TimeSpan SessionIdleLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Chooses requests to fail with 500, for fault tests: it sees each request once it is routed, authenticated, within
    /// the user's group and valid, and a request it picks is answered 500 without being carried out (nothing is created
    /// or changed).
    /// </summary>
    public Func<RecordedRequest, bool>? FailRequest { get; init; }

    /// <summary>The address to listen on; the default takes a free port on loopback.</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";
}
