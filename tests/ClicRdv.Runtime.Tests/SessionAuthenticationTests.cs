using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ClicRdv.Runtime.Tests.Api;
using ClicRdv.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Refit;
using Xunit;

namespace ClicRdv.Runtime.Tests;

/// <summary>Sessions: lazy login, one login for many first calls, renewal when idle, one replay when lost, no loop.</summary>
public sealed class SessionAuthenticationTests : IAsyncLifetime
{
    /// <summary>How long a test waits for a signal or for its calls before it counts as hung.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private FakeClicRdv _server = null!;

    public async Task InitializeAsync() => _server = await FakeClicRdv.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_first_call_logs_in_with_the_sha1_of_the_password_then_sends_the_cookie()
    {
        using var factory = new ClicRdvClientFactory(ClientOptions.For(_server, ClicRdvAuthentication.ProSession), ApiClients.Factories, ApiJsonContext.Default);

        await factory.Create<IGroupsApi>().ListGroups();

        Assert.Equal(2, _server.Requests.Count);
        var login = _server.Requests[0];
        Assert.Equal(("POST", "/api/v1/sessions/login"), (login.Method, login.Path));
        Assert.Equal("?format=json&apikey=k3y%20with%20spaces%26%3D", login.RawQuery);
        Assert.StartsWith("application/x-www-form-urlencoded", login.Headers["Content-Type"]);
        Assert.Equal("pro%5Bemail%5D=pro%40example.com&pro%5Bpassword%5D=" + FakeClicRdv.PasswordSha1, login.Body);
        Assert.DoesNotContain(FakeClicRdv.Password, login.Body);

        var call = _server.Requests[1];
        Assert.Equal("_session_id=" + _server.SessionIds.Single(), call.Headers["Cookie"]);
        Assert.False(call.Headers.ContainsKey("Authorization"));
        Assert.Equal(4, factory.Session!.Profile!.GroupId);
        Assert.Equal(9, factory.Session.Profile.Id);
        Assert.Equal("User", factory.Session.Profile.FirstName);
    }

    [Fact]
    public async Task An_account_session_logs_in_with_the_account_fields()
    {
        using var factory = new ClicRdvClientFactory(ClientOptions.For(_server, ClicRdvAuthentication.AccountSession), ApiClients.Factories, ApiJsonContext.Default);

        var profile = await factory.Session!.GetProfileAsync();

        Assert.Equal("account%5Bemail%5D=customer%40example.com&account%5Bpassword%5D=" + FakeClicRdv.PasswordSha1, _server.Requests.Single().Body);
        Assert.Equal((ClicRdvAuthentication.AccountSession, 31L, 4L), (profile.Kind, profile.Id, profile.GroupId!.Value));
    }

    [Fact]
    public async Task A_hundred_concurrent_first_calls_log_in_once()
    {
        _server.HoldLogins();
        using var factory = new ClicRdvClientFactory(ClientOptions.For(_server, ClicRdvAuthentication.ProSession), ApiClients.Factories, ApiJsonContext.Default);
        var groups = factory.Create<IGroupsApi>();

        // Every call is started while the login the first one caused is held: they all need the session at once.
        var calls = Enumerable.Range(0, 100).Select(_ => groups.ListGroups()).ToList();
        await _server.FirstLoginArrived.WaitAsync(HangGuard);
        _server.ReleaseLogins();
        await Task.WhenAll(calls).WaitAsync(HangGuard);

        Assert.Equal(1, _server.Logins);
        Assert.Equal(1, factory.Session!.LoginCount);
        Assert.Equal(100, _server.ApiRequests.Count());
        Assert.All(_server.ApiRequests, request => Assert.Equal("_session_id=" + _server.SessionIds.Single(), request.Headers["Cookie"]));
    }

    [Fact]
    public async Task A_session_idle_past_the_timeout_is_renewed_before_use()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var options = ClientOptions.For(_server, ClicRdvAuthentication.ProSession);
        using var factory = new ClicRdvClientFactory(options, ApiClients.Factories, ApiJsonContext.Default, clock);
        var groups = factory.Create<IGroupsApi>();

        await groups.ListGroups();
        clock.Advance(options.SessionIdleTimeout - TimeSpan.FromSeconds(1));
        await groups.ListGroups();
        Assert.Equal(1, _server.Logins);

        clock.Advance(options.SessionIdleTimeout);
        await groups.ListGroups();

        Assert.Equal(2, _server.Logins);
        Assert.Equal(3, _server.ApiRequests.Count());
    }

    [Fact]
    public async Task A_lost_session_causes_one_login_and_one_replay_of_the_request()
    {
        using var factory = new ClicRdvClientFactory(ClientOptions.For(_server, ClicRdvAuthentication.ProSession), ApiClients.Factories, ApiJsonContext.Default);
        var calendars = factory.Create<ICalendarsApi>();
        await calendars.ListCalendars(4);
        var firstSession = _server.SessionIds.Single();

        _server.ExpireSessions();
        var created = await calendars.CreateCalendar(4, new CalendarRequest { Calendar = new CalendarInput { Name = "After expiry" } });

        Assert.Equal(12, created.Id);
        Assert.Equal(2, _server.Logins);
        var posts = _server.ApiRequests.Where(request => request.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal("_session_id=" + firstSession, posts[0].Headers["Cookie"]);
        Assert.Equal("_session_id=" + _server.SessionIds.Single(), posts[1].Headers["Cookie"]);
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Equal(posts[0].RawQuery, posts[1].RawQuery);
    }

    [Fact]
    public async Task A_body_over_the_replay_bound_is_streamed_once_and_its_rejection_returned_and_the_next_request_logs_in()
    {
        var options = ClientOptions.For(_server, ClicRdvAuthentication.ProSession);
        options.MaxReplayBodyBytes = 16;
        using var factory = new ClicRdvClientFactory(options, ApiClients.Factories, ApiJsonContext.Default);
        var calendars = factory.Create<ICalendarsApi>();
        await calendars.ListCalendars(4);

        _server.ExpireSessions();
        var rejected = await Assert.ThrowsAnyAsync<ApiException>(() => calendars.CreateCalendar(4, new CalendarRequest { Calendar = new CalendarInput { Name = "A name longer than the bound" } }));
        var small = await calendars.ListCalendars(4);

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        var post = Assert.Single(_server.ApiRequests, request => request.Method == "POST");
        Assert.Contains("A name longer than the bound", post.Body, StringComparison.Ordinal);
        Assert.Equal(2, _server.Logins);
        Assert.NotNull(small);
    }

    [Fact]
    public async Task A_redirect_to_the_login_page_counts_as_a_lost_session()
    {
        _server.RedirectLostSessions = true;
        using var factory = new ClicRdvClientFactory(ClientOptions.For(_server, ClicRdvAuthentication.ProSession), ApiClients.Factories, ApiJsonContext.Default);
        var groups = factory.Create<IGroupsApi>();
        await groups.ListGroups();

        _server.ExpireSessions();
        var page = await groups.ListGroups();

        Assert.Equal(1, page.TotalRecords);
        Assert.Equal(2, _server.Logins);
    }

    [Fact]
    public async Task A_session_refused_again_after_a_new_login_surfaces_as_ApiException_without_a_loop()
    {
        _server.RejectSessions = true;
        using var factory = new ClicRdvClientFactory(ClientOptions.For(_server, ClicRdvAuthentication.ProSession), ApiClients.Factories, ApiJsonContext.Default);

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => factory.Create<IGroupsApi>().ListGroups());

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal(2, _server.Logins);
        Assert.Equal(2, _server.ApiRequests.Count());
    }

    [Fact]
    public async Task A_refused_login_raises_an_authentication_exception_without_the_password_or_its_hash()
    {
        _server.RejectLogins = true;
        using var factory = new ClicRdvClientFactory(ClientOptions.For(_server, ClicRdvAuthentication.ProSession), ApiClients.Factories, ApiJsonContext.Default);

        var exception = await Assert.ThrowsAsync<ClicRdvAuthenticationException>(() => factory.Create<IGroupsApi>().ListGroups());

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Contains("Invalid login", exception.Message);
        Assert.Contains("401", exception.Message);
        Assert.DoesNotContain(FakeClicRdv.Password, exception.ToString());
        Assert.DoesNotContain(FakeClicRdv.PasswordSha1, exception.ToString());
        Assert.Empty(_server.ApiRequests);
    }

    [Fact]
    public async Task Each_call_after_a_refused_login_tries_once_and_fails_without_a_loop()
    {
        _server.RejectLogins = true;
        using var factory = new ClicRdvClientFactory(ClientOptions.For(_server, ClicRdvAuthentication.ProSession), ApiClients.Factories, ApiJsonContext.Default);
        var groups = factory.Create<IGroupsApi>();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await Assert.ThrowsAsync<ClicRdvAuthenticationException>(() => groups.ListGroups());
            Assert.Equal(attempt, _server.Logins);
        }
    }

    [Fact]
    public async Task The_cookie_is_not_sent_to_another_host()
    {
        await using var elsewhere = await RecordingServer.StartAsync((_, context) => context.Response.WriteAsync("{}"));
        using var factory = new ClicRdvClientFactory(ClientOptions.For(_server, ClicRdvAuthentication.ProSession), ApiClients.Factories, ApiJsonContext.Default);
        await factory.Create<IGroupsApi>().ListGroups();

        // The same session and handler chain, asked for a URL on another host (another port is another origin).
        using var other = new System.Net.Http.HttpClient(ClicRdvHandlers.CreatePrimaryHandler(ClientOptions.For(_server, ClicRdvAuthentication.ProSession), factory.Session));
        using var response = await other.GetAsync(new Uri(elsewhere.BaseAddress, "/anything"));

        var request = elsewhere.LastRequest;
        Assert.False(request.Headers.ContainsKey("Cookie"));
        Assert.DoesNotContain("apikey", request.RawQuery);
        Assert.Equal(1, _server.Logins);
    }
}
