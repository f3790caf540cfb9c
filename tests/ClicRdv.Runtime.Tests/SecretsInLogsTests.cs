using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ClicRdv.Runtime.Tests.Api;
using Microsoft.Extensions.Configuration;
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
        services.AddClicRdv(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ClicRdv:BaseAddress"] = _server.BaseAddress.ToString(),
                ["ClicRdv:ApiKey"] = FakeClicRdv.ApiKey,
                ["ClicRdv:Authentication"] = authentication,
                ["ClicRdv:Email"] = FakeClicRdv.Email,
                ["ClicRdv:Password"] = FakeClicRdv.Password,
            }).Build(),
            ApiClients.Factories, ApiJsonContext.Default);
        await using var provider = services.BuildServiceProvider();
        var calendars = provider.GetRequiredService<ICalendarsApi>();

        await calendars.ListCalendars(4, results: "all");
        _server.ExpireSessions();
        await calendars.CreateCalendar(4, new CalendarRequest { Calendar = new CalendarInput { Name = "Logged" } });
        var failure = await Assert.ThrowsAsync<ApiException>(() => calendars.GetCalendar(4, 404));

        Assert.NotEmpty(capture.Lines);
        Assert.Contains(capture.Lines, line => line.Contains("/api/v1/groups/4/calendars", StringComparison.Ordinal));
        var secrets = new List<string>
        {
            FakeClicRdv.ApiKey,
            Uri.EscapeDataString(FakeClicRdv.ApiKey),
            FakeClicRdv.Password,
            FakeClicRdv.PasswordSha1,
            Convert.ToBase64String(Encoding.UTF8.GetBytes(FakeClicRdv.Email + ":" + FakeClicRdv.Password)),
        };
        secrets.AddRange(_server.SessionIds);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(capture.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, failure.ToString());
            Assert.DoesNotContain(secret, failure.Uri?.ToString() ?? string.Empty);
        }
    }
}
