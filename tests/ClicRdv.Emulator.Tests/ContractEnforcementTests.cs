using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using ClicRdv.Testing;

namespace ClicRdv.Emulator.Tests;

/// <summary>The emulator refuses what ClicRDV's rules or the OpenAPI document do not allow, and says why.</summary>
public sealed class ContractEnforcementTests(ITestOutputHelper output) : EmulatorTest(output)
{
    [Theory]
    [InlineData("GET", "/api/v1/groups", null, HttpStatusCode.Unauthorized, "apikey")]
    [InlineData("GET", "/api/v1/groups?apikey=wrong", null, HttpStatusCode.Unauthorized, "apikey")]
    [InlineData("GET", "/api/v1/groups?apikey=KEY&apikey=KEY", null, HttpStatusCode.Unauthorized, "more than once")]
    [InlineData("GET", "/api/v1/groups?apikey=KEY&format=xml", null, HttpStatusCode.BadRequest, "format=xml cannot be served: the emulator answers JSON only")]
    [InlineData("GET", "/api/v1/groups?apikey=KEY&format=json&format=json", null, HttpStatusCode.BadRequest, "'format' is given 2 times")]
    [InlineData("GET", "/api/v1/groups/4/calendars?apikey=KEY&results=lots", null, HttpStatusCode.BadRequest, "'results' is 'lots'")]
    [InlineData("GET", "/api/v1/groups/four/calendars?apikey=KEY", null, HttpStatusCode.BadRequest, "path parameter 'gid' is 'four', not an integer")]
    [InlineData("GET", "/api/v1/groups/4/availabletimeslots?apikey=KEY", null, HttpStatusCode.BadRequest, "'intervention_ids[]' is required")]
    [InlineData("GET", "/api/v1/groups/4/fiches?apikey=KEY&conditions[0][field]=lastname&conditions[0][op]=~&conditions[0][value]=x", null, HttpStatusCode.BadRequest, "'conditions[0][op]' is '~'")]
    [InlineData("POST", "/api/v1/groups/4/calendars?apikey=KEY", """{"calendar":{"name":"X"},"apikey":"KEY"}""", HttpStatusCode.BadRequest, "never in the body")]
    [InlineData("POST", "/api/v1/groups/4/calendars?apikey=KEY", """{"name":"not wrapped"}""", HttpStatusCode.BadRequest, "does not match its schema")]
    [InlineData("POST", "/api/v1/groups/4/calendars?apikey=KEY", "not json", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("DELETE", "/api/v1/groups/4/fiches/31?apikey=KEY", null, HttpStatusCode.MethodNotAllowed, "DELETE is not allowed")]
    [InlineData("GET", "/api/v1/nowhere?apikey=KEY", null, HttpStatusCode.NotFound, "No operation")]
    public async Task A_request_the_document_does_not_allow_is_refused_with_the_reason(string method, string pathAndQuery, string? json, HttpStatusCode status, string reason)
    {
        using var http = Http();
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery.Replace("KEY", Emulator.ApiKey, StringComparison.Ordinal));
        request.Headers.Authorization = BasicHeader();
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(reason, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/groups.json")]
    [InlineData("/api/v1/groups?format=json")]
    [InlineData("/api/v1/groups.json?format=json")]
    [InlineData("/api/v1/groups")]
    public async Task Each_form_that_selects_JSON_is_served(string pathAndQuery)
    {
        await using var client = new RawClient(Emulator, Pro);

        var answer = await client.SendAsync(HttpMethod.Get, pathAndQuery);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("\"records\"", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_the_path_does_not_allow_gets_405_with_the_methods_it_allows()
    {
        await using var client = new RawClient(Emulator, Pro);

        var answer = await client.SendAsync(HttpMethod.Delete, "/api/v1/groups/4/fiches/31");

        Assert.Contains("DELETE is not allowed", answer.AssertError(HttpStatusCode.MethodNotAllowed), StringComparison.Ordinal);
        Assert.Equal("GET, PUT", answer.Allow);
    }

    [Fact]
    public async Task A_request_without_credentials_gets_401_and_no_challenge()
    {
        using var http = Http();

        using var response = await http.GetAsync($"/api/v1/groups?apikey={Emulator.ApiKey}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task Login_sets_an_http_only_session_cookie_and_answers_the_wrapped_profile()
    {
        using var http = Http();
        var form = new FormUrlEncodedContent(new[] { KeyValuePair("pro[email]", Pro.Email), KeyValuePair("pro[password]", LoginForm.PasswordSha1(Pro.Password)) });

        using var response = await http.PostAsync($"/api/v1/sessions/login?apikey={Emulator.ApiKey}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Matches("^_session_id=[0-9a-f]{32}; path=/; HttpOnly$", cookie);
        Assert.Contains("\"group_id\":4", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_clear_password_in_the_login_is_refused()
    {
        using var http = Http();
        var form = new FormUrlEncodedContent(new[] { KeyValuePair("pro[email]", Pro.Email), KeyValuePair("pro[password]", Pro.Password) });

        using var response = await http.PostAsync($"/api/v1/sessions/login?apikey={Emulator.ApiKey}", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("pro[password]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_session_expires_after_an_hour_without_requests()
    {
        using var http = Http();
        var form = new FormUrlEncodedContent(new[] { KeyValuePair("pro[email]", Pro.Email), KeyValuePair("pro[password]", LoginForm.PasswordSha1(Pro.Password)) });
        using var login = await http.PostAsync($"/api/v1/sessions/login?apikey={Emulator.ApiKey}", form);
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        Assert.Equal(HttpStatusCode.OK, await StatusWithCookie(http, cookie));
        Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookie(http, cookie));
        Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithCookie(http, cookie));
    }

    private static async Task<HttpStatusCode> StatusWithCookie(HttpClient http, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, http.BaseAddress + "api/v1/groups?apikey=demo-apikey");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private AuthenticationHeaderValue BasicHeader() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Pro.Email + ":" + Pro.Password)));

    private static System.Collections.Generic.KeyValuePair<string, string> KeyValuePair(string key, string value) => new(key, value);
}
