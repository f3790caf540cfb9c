using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClicRdv.Runtime.Tests.Api;
using Xunit;

namespace ClicRdv.Runtime.Tests;

/// <summary>The apikey is in the query of every request, escaped, exactly once, and never in the body.</summary>
public sealed class ApiKeyTests : IAsyncLifetime
{
    private FakeClicRdv _server = null!;

    public async Task InitializeAsync() => _server = await FakeClicRdv.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_apikey_is_appended_escaped_to_the_query()
    {
        using var factory = new ClicRdvClientFactory(ClientOptions.For(_server, ClicRdvAuthentication.Basic), ApiClients.Factories, ApiJsonContext.Default);

        await factory.Create<ICalendarsApi>().ListCalendars(4, results: AllRecords.All, interventionIds: new[] { 1L, 2L });

        var request = _server.Requests.Single();
        Assert.Equal("?results=all&intervention_ids%5B%5D=1&intervention_ids%5B%5D=2&format=json&apikey=k3y%20with%20spaces%26%3D", request.RawQuery);
    }

    [Fact]
    public async Task The_apikey_goes_in_the_query_of_a_post_and_never_in_its_body()
    {
        using var factory = new ClicRdvClientFactory(ClientOptions.For(_server, ClicRdvAuthentication.Basic), ApiClients.Factories, ApiJsonContext.Default);

        await factory.Create<ICalendarsApi>().CreateCalendar(4, new CalendarRequest { Calendar = new CalendarInput { Name = "New" } });

        var request = _server.Requests.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("?format=json&apikey=k3y%20with%20spaces%26%3D", request.RawQuery);
        Assert.Equal("""{"calendar":{"name":"New"}}""", request.Body);
        Assert.DoesNotContain("apikey", request.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_apikey_already_in_the_query_is_replaced_not_repeated()
    {
        using var invoker = WithApiKey("right");
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/api/v1/groups?apikey=wrong&results=5&APIKEY=kept&apikey=again");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal("?results=5&APIKEY=kept&format=json&apikey=right", response.Headers.GetValues("X-Sent-Query").Single());
    }

    [Fact]
    public async Task A_format_the_caller_names_is_kept_and_json_is_not_added()
    {
        using var invoker = WithApiKey("k");
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/api/v1/groups?format=xml");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal("?format=xml&apikey=k", response.Headers.GetValues("X-Sent-Query").Single());
    }

    [Fact]
    public async Task The_request_shows_no_apikey_once_sent()
    {
        using var invoker = WithApiKey("secret-key");
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/api/v1/groups");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal("?format=json&apikey=secret-key", response.Headers.GetValues("X-Sent-Query").Single());
        Assert.DoesNotContain("secret-key", response.RequestMessage!.RequestUri!.ToString());
    }

    [Fact]
    public async Task Another_host_never_gets_the_apikey()
    {
        using var invoker = WithApiKey("secret-key");
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:2/elsewhere?x=1");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal("?x=1", response.Headers.GetValues("X-Sent-Query").Single());
    }

    /// <summary>The handler that carries the apikey (with Basic credentials), over a transport that echoes what it was sent.</summary>
    private static HttpMessageInvoker WithApiKey(string apiKey) =>
        new(new BasicAuthenticationHandler("a@b.c", "pw", new Uri("http://127.0.0.1:1/"), allowInsecureHttp: false, apiKey) { InnerHandler = new RecordingTransport() });

    [Theory]
    [InlineData("http://127.0.0.1:1/api/v1/groups/4/calendars/11")]
    [InlineData("http://127.0.0.1:1/api/v1/groups?results=all&search=a%26b%3Dc%20d")]
    [InlineData("http://127.0.0.1:1/api/v1/x?")]
    [InlineData("http://127.0.0.1:1/api/v1/x?APIKEY=old&y=1")]
    [InlineData("http://127.0.0.1:1/api/v1/a b/caf\u00e9?q=\u00e9 t")]
    [InlineData("http://127.0.0.1:1/api/v1/./x/../y?q=1")]
    [InlineData("http://127.0.0.1:1/api/v1/x%2fy%41?q=%zz")]
    [InlineData("http://127.0.0.1:1/api/v1/x#fragment")]
    [InlineData("HTTP://127.0.0.1:1/api/v1/x?q=1")]
    [InlineData("http://127.0.0.1:1/api/v1/x\\y")]
    [InlineData("http://127.0.0.1:1/api/v1/x?format=xml")]
    [InlineData("http://127.0.0.1:1/api/v1/x?Format=1&apikey=a")]
    public void The_apikey_is_added_to_the_address_as_parsing_it_would_give(string address)
    {
        var apiKey = new ApiKeyQuery("k3y&=", new ApiHost(new Uri("http://127.0.0.1:1/")));
        var uri = new Uri(address);

        // The parsed form, built from scratch: every apikey dropped, format=json unless a format is named, the key appended once.
        var expected = ApiKeyQuery.WithApiKey(new Uri(uri.AbsoluteUri), Uri.EscapeDataString("k3y&="));

        Assert.Equal(expected.AbsoluteUri, apiKey.AddTo(uri).AbsoluteUri);
    }
}
