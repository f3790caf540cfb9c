using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClicRdv.Runtime.Tests.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ClicRdv.Runtime.Tests;

/// <summary>One registration call, options from configuration, every generated client resolvable and working.</summary>
public sealed class RegistrationTests : IAsyncLifetime
{
    private FakeClicRdv _server = null!;

    public async Task InitializeAsync() => _server = await FakeClicRdv.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Clients_registered_from_configuration_call_the_api_with_a_session()
    {
        var services = new ServiceCollection();
        var builder = services.AddClicRdv(Configuration("ProSession"), ApiClients.Factories, ApiJsonContext.Default);
        await using var provider = services.BuildServiceProvider();

        var calendars = provider.GetRequiredService<ICalendarsApi>();
        var session = provider.GetRequiredService<ClicRdvSession>();
        var profile = await session.GetProfileAsync();
        var page = await calendars.ListCalendars(profile.GroupId!.Value);

        Assert.Equal(ClicRdvServiceCollectionExtensions.HttpClientName, builder.Name);
        Assert.Equal("Alice", Assert.Single(page.Records!).Name);
        Assert.Equal(1, _server.Logins);
        Assert.All(ApiClients.Factories.Keys, type => Assert.NotNull(provider.GetRequiredService(type)));
    }

    [Fact]
    public async Task Clients_registered_from_configuration_call_the_api_with_basic()
    {
        var services = new ServiceCollection();
        services.AddClicRdv(Configuration("Basic"), ApiClients.Factories, ApiJsonContext.Default);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IGroupsApi>().ListGroups();

        Assert.StartsWith("Basic ", _server.Requests.Single().Headers["Authorization"]);
        Assert.Equal(0, _server.Logins);
    }

    [Fact]
    public async Task One_client_can_be_registered_on_its_own()
    {
        var services = new ServiceCollection();
        services.AddClicRdv(options =>
        {
            options.BaseAddress = _server.BaseAddress;
            options.ApiKey = FakeClicRdv.ApiKey;
            options.Authentication = ClicRdvAuthentication.Basic;
            options.Email = FakeClicRdv.Email;
            options.Password = FakeClicRdv.Password;
        }, new Dictionary<System.Type, System.Func<System.Net.Http.HttpClient, Refit.RefitSettings, object>>(), ApiJsonContext.Default)
            .AddClicRdvClient<IGroupsApi>((http, settings) => new GroupsApiClient(http, settings));
        await using var provider = services.BuildServiceProvider();

        var page = await provider.GetRequiredService<IGroupsApi>().ListGroups();

        Assert.Equal("Salon", page.Records!.Single().Name);
        Assert.Null(provider.GetService<ICalendarsApi>());
    }

    [Fact]
    public async Task The_login_goes_through_the_handlers_added_to_the_registration()
    {
        var services = new ServiceCollection();
        var seen = new SeenRequests();
        services.AddClicRdv(Configuration("ProSession"), ApiClients.Factories, ApiJsonContext.Default)
            .AddHttpMessageHandler(() => new SeeingHandler(seen));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ICalendarsApi>().ListCalendars(4);

        // Outside the authentication: your handler sees the call, then the login the call needs (made while the call is
        // in the authentication handler), both without the apikey or the session.
        Assert.Equal(new[] { "GET /api/v1/groups/4/calendars", "POST /api/v1/sessions/login" }, seen.Requests.Select(request => request.Line));
        Assert.All(seen.Requests, request => Assert.DoesNotContain("apikey", request.Query, System.StringComparison.Ordinal));
        Assert.All(seen.Requests, request => Assert.False(request.HadCookie));
        Assert.Equal(1, _server.Logins);
    }

    [Fact]
    public async Task The_login_and_the_calls_go_through_the_proxy_the_transport_is_given()
    {
        // The API's host does not exist: only the proxy, this server, can answer for it.
        var services = new ServiceCollection();
        services.AddClicRdv(options =>
        {
            options.BaseAddress = new System.Uri("http://clicrdv.invalid/");
            options.AllowInsecureHttp = true;
            options.ApiKey = FakeClicRdv.ApiKey;
            options.Email = FakeClicRdv.Email;
            options.Password = FakeClicRdv.Password;
        }, ApiClients.Factories, ApiJsonContext.Default)
            .ConfigureClicRdvTransport(transport =>
            {
                transport.Proxy = new System.Net.WebProxy(_server.BaseAddress);
                transport.UseProxy = true;
                transport.AllowAutoRedirect = true;
            });
        await using var provider = services.BuildServiceProvider();

        var page = await provider.GetRequiredService<ICalendarsApi>().ListCalendars(4);

        Assert.Equal("Alice", Assert.Single(page.Records!).Name);
        Assert.Equal(new[] { "POST /api/v1/sessions/login", "GET /api/v1/groups/4/calendars" }, _server.Requests.Select(request => $"{request.Method} {request.Path}"));
        Assert.All(_server.Requests, request => Assert.Equal("clicrdv.invalid", request.Headers["Host"]));
    }

    [Fact]
    public async Task The_transport_never_follows_redirects_whatever_it_is_given()
    {
        var services = new ServiceCollection();
        services.AddClicRdv(Configuration("ProSession"), ApiClients.Factories, ApiJsonContext.Default)
            .ConfigureClicRdvTransport(transport => transport.AllowAutoRedirect = true);
        await using var provider = services.BuildServiceProvider();
        _server.RedirectLostSessions = true;
        _server.RejectSessions = true;

        // A followed redirect would have fetched the login page; unfollowed, the redirect itself is the answer, after one replay.
        var refused = await Assert.ThrowsAnyAsync<Refit.ApiException>(() => provider.GetRequiredService<ICalendarsApi>().ListCalendars(4));

        Assert.Equal(System.Net.HttpStatusCode.Found, refused.StatusCode);
        Assert.DoesNotContain(_server.Requests, request => request.Path == "/login");
    }

    [Fact]
    public async Task A_named_account_has_its_own_keyed_clients_session_and_options_section()
    {
        var services = new ServiceCollection();
        var configuration = Configuration("ProSession", "ClicRdv:salon-a");
        var builder = services.AddClicRdv("salon-a", configuration, ApiClients.Factories, ApiJsonContext.Default);
        await using var provider = services.BuildServiceProvider();

        var session = provider.GetRequiredKeyedService<ClicRdvSession>("salon-a");
        var page = await provider.GetRequiredKeyedService<ICalendarsApi>("salon-a").ListCalendars((await session.GetProfileAsync()).GroupId!.Value);

        Assert.Equal("ClicRdv:salon-a", builder.Name);
        Assert.Equal("Alice", Assert.Single(page.Records!).Name);
        Assert.Equal(1, _server.Logins);
        Assert.Null(provider.GetService<ICalendarsApi>());
        Assert.Null(provider.GetService<ClicRdvSession>());
        Assert.All(ApiClients.Factories.Keys, type => Assert.NotNull(provider.GetRequiredKeyedService(type, "salon-a")));
    }

    [Fact]
    public async Task A_client_added_to_a_named_account_uses_that_account()
    {
        var services = new ServiceCollection();
        services.AddClicRdv("salon-b", Configuration("Basic", "ClicRdv:salon-b"), new Dictionary<System.Type, System.Func<System.Net.Http.HttpClient, Refit.RefitSettings, object>>(), ApiJsonContext.Default)
            .AddClicRdvClient<IGroupsApi>((http, settings) => new GroupsApiClient(http, settings));
        await using var provider = services.BuildServiceProvider();

        var page = await provider.GetRequiredKeyedService<IGroupsApi>("salon-b").ListGroups();

        Assert.Equal("Salon", page.Records!.Single().Name);
        Assert.Null(provider.GetService<IGroupsApi>());
    }

    [Fact]
    public async Task A_named_account_missing_a_setting_is_refused_naming_its_own_section()
    {
        var services = new ServiceCollection();
        services.AddClicRdv("salon-a", new ConfigurationBuilder().Build(), ApiClients.Factories, ApiJsonContext.Default);
        await using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredKeyedService<ICalendarsApi>("salon-a"));

        Assert.Contains("ClicRdv:salon-a:ApiKey is required", refused.Message);
    }

    [Fact]
    public void An_account_registered_twice_is_refused()
    {
        var services = new ServiceCollection();
        services.AddClicRdv("salon-a", Configuration("Basic"), ApiClients.Factories, ApiJsonContext.Default);
        services.AddClicRdv(Configuration("Basic"), ApiClients.Factories, ApiJsonContext.Default);

        Assert.Throws<System.InvalidOperationException>(() => services.AddClicRdv("salon-a", Configuration("Basic"), ApiClients.Factories, ApiJsonContext.Default));
        Assert.Throws<System.InvalidOperationException>(() => services.AddClicRdv(Configuration("Basic"), ApiClients.Factories, ApiJsonContext.Default));
    }

    private IConfiguration Configuration(string authentication, string section = "ClicRdv") => _server.Configuration(authentication, section);

    /// <summary>What a handler of the application, added to the registration, saw go by.</summary>
    private sealed class SeenRequests
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Line, string Query, bool HadCookie)> _requests = new();

        public IReadOnlyList<(string Line, string Query, bool HadCookie)> Requests => _requests.ToList();

        public void Add(System.Net.Http.HttpRequestMessage request) =>
            _requests.Enqueue(($"{request.Method} {request.RequestUri!.AbsolutePath}", request.RequestUri.Query, request.Headers.Contains("Cookie")));
    }

    private sealed class SeeingHandler(SeenRequests seen) : System.Net.Http.DelegatingHandler
    {
        protected override Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            seen.Add(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
