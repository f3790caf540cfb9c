using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ClicRdv.Runtime;

/// <summary>
/// The names under which the runtime publishes what it does on its own account (logins, session renewals, replays):
/// an <see cref="ActivitySource"/> and a <see cref="Meter"/>, both named <see cref="Name"/>. No tag, event or
/// measurement carries a secret: no apikey, password, hash, cookie or session id, and no query string.
/// </summary>
public static class ClicRdvTelemetry
{
    /// <summary>The name of the activity source and of the meter: <c>ClicRdv.Runtime</c>.</summary>
    public const string Name = "ClicRdv.Runtime";

    /// <summary>The activity of one login (<c>POST /api/v1/sessions/login</c>), with the tags <see cref="ReasonTag"/> and <see cref="OutcomeTag"/>.</summary>
    public const string LoginActivity = "ClicRdv.Login";

    /// <summary>The activity of a request sent again after ClicRDV rejected its session; the new login and the HTTP call are its children.</summary>
    public const string ReplayActivity = "ClicRdv.Replay";

    /// <summary>Counter of logins, tagged with <see cref="ReasonTag"/> and <see cref="OutcomeTag"/>.</summary>
    public const string LoginsInstrument = "clicrdv.session.logins";

    /// <summary>Histogram of login durations in seconds, tagged with <see cref="OutcomeTag"/>.</summary>
    public const string LoginDurationInstrument = "clicrdv.session.login.duration";

    /// <summary>Counter of session renewals (logins after the first), tagged with <see cref="ReasonTag"/>: <c>idle</c> or <c>rejected</c>.</summary>
    public const string RenewalsInstrument = "clicrdv.session.renewals";

    /// <summary>Counter of requests sent again with a new session after ClicRDV rejected theirs.</summary>
    public const string ReplaysInstrument = "clicrdv.session.replays";

    /// <summary>Why a login was made: <c>first</c>, <c>idle</c> (the session sat unused too long) or <c>rejected</c> (ClicRDV refused it).</summary>
    public const string ReasonTag = "clicrdv.login.reason";

    /// <summary>The account a measurement belongs to, for a named registration (<c>AddClicRdv("salon-a", ...)</c>); absent for the unnamed one.</summary>
    public const string AccountTag = "clicrdv.account";

    /// <summary>How a login ended: <c>success</c> or <c>failure</c>.</summary>
    public const string OutcomeTag = "clicrdv.login.outcome";

    internal static readonly ActivitySource Source = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Logins = Meter.CreateCounter<long>(LoginsInstrument, "{login}", "Logins to ClicRDV.");

    internal static readonly Histogram<double> LoginDuration = Meter.CreateHistogram<double>(LoginDurationInstrument, "s", "How long logins to ClicRDV take.");

    internal static readonly Counter<long> Renewals = Meter.CreateCounter<long>(RenewalsInstrument, "{renewal}", "Sessions renewed by a new login.");

    internal static readonly Counter<long> Replays = Meter.CreateCounter<long>(ReplaysInstrument, "{request}", "Requests sent again with a new session.");
}
