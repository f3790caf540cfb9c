using System;
using System.Linq;
using System.Threading.Tasks;
using ClicRdv.Runtime.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Refit;
using Xunit;

namespace ClicRdv.Runtime.Tests;

/// <summary>With HttpClient logging at Trace, no log line holds the apikey, the password, its hash, the Basic header or a session id.</summary>
public sealed class SecretsInLogsTests : IAsyncLifetime
{
    private FakeClicRdv _server = null!;

    public async Task InitializeAsync() => _server = await FakeClicRdv.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("ProSession")]
    [InlineData("Basic")]
    public async Task No_secret_reaches_a_log_line(string authentication)
    {
        var capture = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        services.AddClicRdv(_server.Configuration(authentication), ApiClients.Factories, ApiJsonContext.Default);
        await using var provider = services.BuildServiceProvider();
        var calendars = provider.GetRequiredService<ICalendarsApi>();

        await calendars.ListCalendars(4, results: AllRecords.All);
        _server.ExpireSessions();
        await calendars.CreateCalendar(4, new CalendarRequest { Calendar = new CalendarInput { Name = "Logged" } });
        var failure = await Assert.ThrowsAnyAsync<ApiException>(() => calendars.GetCalendar(4, 404));

        Assert.NotEmpty(capture.Lines);
        Assert.Contains(capture.Lines, line => line.Contains("/api/v1/groups/4/calendars", StringComparison.Ordinal));
        foreach (var secret in _server.Secrets())
        {
            Assert.DoesNotContain(capture.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, failure.ToString());
            Assert.DoesNotContain(secret, failure.Uri?.ToString() ?? string.Empty);
        }
    }
}
