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
        var page = await calendars.ListCalendars(checked((int)profile.GroupId!.Value));

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

    private IConfiguration Configuration(string authentication) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClicRdv:BaseAddress"] = _server.BaseAddress.ToString(),
            ["ClicRdv:ApiKey"] = FakeClicRdv.ApiKey,
            ["ClicRdv:Authentication"] = authentication,
            ["ClicRdv:Email"] = FakeClicRdv.Email,
            ["ClicRdv:Password"] = FakeClicRdv.Password,
        })
        .Build();
}
