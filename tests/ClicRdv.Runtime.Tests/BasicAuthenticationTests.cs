using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClicRdv.Runtime.Tests.Api;
using Xunit;

namespace ClicRdv.Runtime.Tests;

/// <summary>Basic credentials go pre-emptively on every request, only to the API and only over a safe transport.</summary>
public sealed class BasicAuthenticationTests : IAsyncLifetime
{
    private FakeClicRdv _server = null!;

    public async Task InitializeAsync() => _server = await FakeClicRdv.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_request_carries_the_basic_header_without_a_challenge()
    {
        using var factory = new ClicRdvClientFactory(ClientOptions.For(_server, ClicRdvAuthentication.Basic), ApiClients.Factories, ApiJsonContext.Default);
        var groups = factory.Create<IGroupsApi>();

        await groups.ListGroups();
        await groups.ListGroups();

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(FakeClicRdv.Email + ":" + FakeClicRdv.Password));
        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, request => Assert.Equal(expected, request.Headers["Authorization"]));
        Assert.All(_server.Requests, request => Assert.False(request.Headers.ContainsKey("Cookie")));
        Assert.Equal(0, _server.Logins);
    }

    [Fact]
    public async Task Plain_http_to_another_host_is_refused_before_anything_is_sent()
    {
        var transport = new RecordingTransport();
        using var handler = new BasicAuthenticationHandler("a@b.c", "pw", new Uri("http://api.example.test/"), allowInsecureHttp: false, "key") { InnerHandler = transport };
        using var invoker = new HttpMessageInvoker(handler);

        var exception = await Assert.ThrowsAsync<ClicRdvInsecureTransportException>(() => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://api.example.test/api/v1/groups"), CancellationToken.None));

        Assert.Contains("api.example.test", exception.Message);
        Assert.Contains("AllowInsecureHttp", exception.Message);
        Assert.DoesNotContain("pw", exception.Message.Replace("https", string.Empty));
        Assert.Equal(0, transport.Calls);
    }

    [Fact]
    public async Task Plain_http_to_another_host_is_allowed_when_the_user_opts_in()
    {
        var transport = new RecordingTransport();
        using var handler = new BasicAuthenticationHandler("a@b.c", "pw", new Uri("http://api.example.test/"), allowInsecureHttp: true, "key") { InnerHandler = transport };
        using var invoker = new HttpMessageInvoker(handler);

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://api.example.test/api/v1/groups"), CancellationToken.None);

        Assert.StartsWith("Basic ", response.Headers.GetValues("X-Sent-Authorization").Single());
        Assert.Null(response.RequestMessage!.Headers.Authorization);
    }

    [Fact]
    public async Task Another_host_never_gets_the_credentials()
    {
        var transport = new RecordingTransport();
        using var handler = new BasicAuthenticationHandler("a@b.c", "pw", new Uri("https://www.clicrdv.com/"), allowInsecureHttp: false, "key") { InnerHandler = transport };
        using var invoker = new HttpMessageInvoker(handler);

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://elsewhere.example.test/"), CancellationToken.None);

        Assert.Equal(string.Empty, response.Headers.GetValues("X-Sent-Authorization").Single());
    }
}
