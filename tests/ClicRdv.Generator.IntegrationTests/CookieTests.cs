using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Echo;
using Refit;
using Xunit;

namespace ClicRdv.Generator.IntegrationTests;

/// <summary>
/// Cookie parameters travel in one <c>Cookie</c> header, as a real server (Kestrel) reads them back: Refit has no cookie
/// attribute, so the generated client writes the header itself.
/// </summary>
public sealed class CookieTests : IAsyncLifetime
{
    private readonly List<IReadOnlyDictionary<string, string>> _cookiesRead = new();
    private RecordingServer _server = null!;
    private HttpClient _httpClient = null!;

    public async Task InitializeAsync()
    {
        _server = await RecordingServer.StartAsync((_, context) =>
        {
            _cookiesRead.Add(context.Request.Cookies.ToDictionary(cookie => cookie.Key, cookie => cookie.Value));
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        _httpClient = new HttpClient { BaseAddress = new Uri(_server.BaseAddress, "/api/v1/") };
    }

    public async Task DisposeAsync()
    {
        _httpClient.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Every_cookie_parameter_is_one_name_value_pair_of_the_Cookie_header_and_the_server_reads_each_value_back()
    {
        var preferences = RestService.For<IPreferencesApi>(_httpClient);

        await preferences.GetPreferences("a b;c,d\"e\\f%g=h é", theme: Kind.VfreebusyEvent, visits: 3, xTrace: "t");

        var request = _server.LastRequest;
        Assert.Equal("session_id=a%20b%3Bc%2Cd%22e%5Cf%25g=h%20%C3%A9; theme=VfreebusyEvent; visits=3", request.Headers["Cookie"]);
        Assert.Equal("t", request.Headers["X-Trace"]);
        var read = Assert.Single(_cookiesRead);
        Assert.Equal(new[] { "session_id", "theme", "visits" }, read.Keys.OrderBy(name => name, StringComparer.Ordinal));
        Assert.Equal("a b;c,d\"e\\f%g=h é", Uri.UnescapeDataString(read["session_id"]));
        Assert.Equal("VfreebusyEvent", read["theme"]);
        Assert.Equal("3", read["visits"]);
    }

    [Fact]
    public async Task Optional_cookies_left_null_are_not_sent()
    {
        var preferences = RestService.For<IPreferencesApi>(_httpClient);

        await preferences.GetPreferences("s1");

        Assert.Equal("session_id=s1", _server.LastRequest.Headers["Cookie"]);
        Assert.Equal(new[] { "session_id" }, Assert.Single(_cookiesRead).Keys);
    }
}
