using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ClicRdv.Runtime.Tests.Api;
using ClicRdv.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClicRdv.Runtime.Tests;

/// <summary>The listeners and the meter are process-wide: no other test may log in while these count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}

/// <summary>
/// The runtime's own ActivitySource, Meter and log events, seen by a listener as an application's exporter sees them,
/// over a scenario of a first login, a session ClicRDV rejects (a replay), an idle session and a refused login.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : IAsyncLifetime
{
    private FakeClicRdv _server = null!;

    public async Task InitializeAsync() => _server = await FakeClicRdv.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Logins_renewals_and_replays_are_traced_counted_and_logged_with_no_secret()
    {
        using var telemetry = new TelemetryRecorder(ClicRdvTelemetry.Name);
        var capture = new CapturingLoggerProvider();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        services.AddSingleton<TimeProvider>(clock);
        services.AddClicRdv(_server.Configuration("ProSession"), ApiClients.Factories, ApiJsonContext.Default);
        await using var provider = services.BuildServiceProvider();
        var calendars = provider.GetRequiredService<ICalendarsApi>();

        await calendars.ListCalendars(4);                        // first login
        _server.ExpireSessions();
        await calendars.ListCalendars(4);                        // rejected: a replay with a new login
        clock.Advance(TimeSpan.FromHours(1));
        await calendars.ListCalendars(4);                        // idle: a new login before the request
        _server.ExpireSessions();
        _server.RejectLogins = true;
        await Assert.ThrowsAsync<ClicRdvAuthenticationException>(() => calendars.ListCalendars(4)); // rejected, and the login refused
        var measurements = telemetry.Measurements;
        var activities = telemetry.Activities;

        var logins = measurements.Where(measurement => measurement.Instrument == ClicRdvTelemetry.LoginsInstrument).ToList();
        Assert.Equal(_server.Logins, (int)logins.Sum(measurement => measurement.Value));
        Assert.Equal(
            new[] { "first success", "rejected success", "idle success", "rejected failure" },
            logins.Select(measurement => measurement.Tags[ClicRdvTelemetry.ReasonTag] + " " + measurement.Tags[ClicRdvTelemetry.OutcomeTag]));
        Assert.Equal(4, measurements.Count(measurement => measurement.Instrument == ClicRdvTelemetry.LoginDurationInstrument && measurement.Value >= 0));
        Assert.Equal(new[] { "rejected", "idle" }, measurements.Where(measurement => measurement.Instrument == ClicRdvTelemetry.RenewalsInstrument).Select(measurement => measurement.Tags[ClicRdvTelemetry.ReasonTag]));
        Assert.Equal(2, measurements.Count(measurement => measurement.Instrument == ClicRdvTelemetry.ReplaysInstrument));

        var loginActivities = activities.Where(activity => activity.OperationName == ClicRdvTelemetry.LoginActivity).ToList();
        Assert.Equal(4, loginActivities.Count);
        Assert.Equal(ActivityStatusCode.Error, loginActivities.Last().Status);
        var replays = activities.Where(activity => activity.OperationName == ClicRdvTelemetry.ReplayActivity).ToList();
        Assert.Equal(2, replays.Count);
        Assert.Contains(loginActivities, login => replays.Any(replay => login.ParentSpanId == replay.SpanId));

        Assert.Equal(3, capture.Lines.Count(line => line.Contains(" 1001:ClicRdvLoggedIn ", StringComparison.Ordinal)));
        Assert.Single(capture.Lines, line => line.Contains(" 1002:ClicRdvLoginFailed ", StringComparison.Ordinal));
        Assert.Equal(2, capture.Lines.Count(line => line.Contains(" 1003:ClicRdvReplayed ", StringComparison.Ordinal) && line.Contains("GET /api/v1/groups/4/calendars", StringComparison.Ordinal)));

        var published = activities.SelectMany(activity => activity.TagObjects.Select(tag => tag.Key + "=" + tag.Value).Append(activity.DisplayName).Append(activity.StatusDescription ?? string.Empty))
            .Concat(measurements.SelectMany(measurement => measurement.Tags.Select(tag => tag.Key + "=" + tag.Value)))
            .Concat(capture.Lines)
            .ToList();
        foreach (var secret in _server.Secrets())
        {
            Assert.DoesNotContain(published, text => text.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_named_account_tags_its_logins_with_its_name()
    {
        using var telemetry = new TelemetryRecorder(ClicRdvTelemetry.Name);
        var services = new ServiceCollection();
        services.AddClicRdv("salon-a", _server.Configuration("ProSession", "ClicRdv:salon-a"), ApiClients.Factories, ApiJsonContext.Default);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<ICalendarsApi>("salon-a").ListCalendars(4);

        var login = Assert.Single(telemetry.Measurements, measurement => measurement.Instrument == ClicRdvTelemetry.LoginsInstrument);
        Assert.Equal("salon-a", login.Tags[ClicRdvTelemetry.AccountTag]);
        Assert.Equal("salon-a", Assert.Single(telemetry.Activities, activity => activity.OperationName == ClicRdvTelemetry.LoginActivity).GetTagItem(ClicRdvTelemetry.AccountTag));
    }
}
