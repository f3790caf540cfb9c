using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClicRdv.Emulator.Tests.Api;
using ClicRdv.Runtime;
using ClicRdv.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClicRdv.Emulator.Tests;

/// <summary>
/// What an application's exporter receives from the runtime over a scenario with forced expiries on the emulator: a
/// first login, sessions the emulator ends (each a replay and a renewal) and one left idle, counted by the Meter and
/// traced by the ActivitySource as the emulator counts them. The listeners are process-wide, so the test registers an
/// account of its own name and reads only what carries it: other tests may log in meanwhile.
/// </summary>
public sealed class TelemetryTests
{
    private const int Expiries = 3;

    [Fact]
    public async Task The_meter_and_the_traces_count_the_logins_renewals_and_replays_the_emulator_saw()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await using var emulator = await ClicRdvEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        var pro = emulator.Users.First(user => user.Kind == "pro");
        var account = "telemetry-" + Guid.NewGuid().ToString("N");
        using var telemetry = new TelemetryRecorder(ClicRdvTelemetry.Name);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddClicRdv(account, options =>
        {
            options.BaseAddress = emulator.BaseAddress;
            options.ApiKey = emulator.ApiKey;
            options.Email = pro.Email;
            options.Password = pro.Password;
        }, ApiClients.Factories, ApiJsonContext.Default);
        await using var provider = services.BuildServiceProvider();
        var calendars = provider.GetRequiredKeyedService<ICalendarsApi>(account);

        await calendars.ListCalendars(pro.GroupId);             // the first login
        for (var expiry = 0; expiry < Expiries; expiry++)
        {
            emulator.ExpireSessions();
            await calendars.ListCalendars(pro.GroupId);         // refused, a new login, and a replay
        }

        clock.Advance(TimeSpan.FromMinutes(56));
        await calendars.ListCalendars(pro.GroupId);             // idle past SessionIdleTimeout: a new login first

        var ours = telemetry.Measurements.Where(measurement => measurement.Tags.GetValueOrDefault(ClicRdvTelemetry.AccountTag) == account).ToList();
        var refused = emulator.Requests.Count(request => request.Status == 401);
        Assert.Equal(2 + Expiries, emulator.Logins);
        Assert.Equal(Expiries, refused);
        Assert.Equal(emulator.Logins, (int)ours.Where(measurement => measurement.Instrument == ClicRdvTelemetry.LoginsInstrument).Sum(measurement => measurement.Value));
        Assert.Equal(
            Enumerable.Repeat("rejected", Expiries).Append("idle"),
            ours.Where(measurement => measurement.Instrument == ClicRdvTelemetry.RenewalsInstrument).Select(measurement => measurement.Tags[ClicRdvTelemetry.ReasonTag]));
        Assert.Equal(refused, (int)ours.Where(measurement => measurement.Instrument == ClicRdvTelemetry.ReplaysInstrument).Sum(measurement => measurement.Value));

        var traced = telemetry.Activities.Where(activity => (string?)activity.GetTagItem(ClicRdvTelemetry.AccountTag) == account).ToList();
        Assert.Equal(emulator.Logins, traced.Count(activity => activity.OperationName == ClicRdvTelemetry.LoginActivity));
        Assert.Equal(refused, traced.Count(activity => activity.OperationName == ClicRdvTelemetry.ReplayActivity));
    }
}
