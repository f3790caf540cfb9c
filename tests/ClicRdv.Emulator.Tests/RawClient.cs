using System;
using System.Collections.Concurrent;
using System.Linq;
using ClicRdv.Runtime;
using ClicRdv.Testing;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace ClicRdv.Emulator.Tests;

/// <summary>
/// Requests as a user's own test sends them: bytes on the wire through a plain HttpClient, not the generated client,
/// with the apikey in the query and a user's Basic credentials. The timeout only catches a hang. Every answer is
/// judged by the OpenAPI document when the client is disposed: one the document does not allow fails the test.
/// </summary>
internal sealed class RawClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<HttpAnswer> _answers = new();
    private readonly ClicRdvEmulator _emulator;
    private readonly HttpClient _http;
    private readonly string _apiKey;
    private readonly AuthenticationHeaderValue _basic;

    public RawClient(ClicRdvEmulator emulator, EmulatorUser user)
    {
        _emulator = emulator;
        _http = new HttpClient(new AnswerRecorder(_answers) { InnerHandler = PlainTransport.Create() }) { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _apiKey = emulator.ApiKey;
        _basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user.Email + ":" + user.Password)));
    }

    public static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    public static HttpContent Form(string form) => new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");

    public Task<RawAnswer> GetAsync(string pathAndQuery) => SendAsync(HttpMethod.Get, pathAndQuery);

    /// <summary>Sends to <paramref name="pathAndQuery"/> with the apikey added to its query; <paramref name="chunked"/> sends the body without a length.</summary>
    public async Task<RawAnswer> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content = null, bool chunked = false)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery + (pathAndQuery.Contains('?') ? "&" : "?") + "apikey=" + _apiKey) { Content = content };
        request.Headers.Authorization = _basic;
        request.Headers.TransferEncodingChunked = chunked ? true : null;
        using var response = await _http.SendAsync(request);
        return new RawAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DocumentAnswers.AssertAllValidAsync(_answers.ToList(), text => Secrets.Redact(text, _emulator), output: null);
        }
        finally
        {
            _http.Dispose();
        }
    }
}

/// <summary>An answer: its status, media type, <c>Allow</c> header and body.</summary>
internal sealed record RawAnswer(HttpStatusCode Status, string? MediaType, string? Allow, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The answer is JSON null.");

    /// <summary>Asserts the answer is the documented JSON error with this status, and returns its message.</summary>
    public string AssertError(HttpStatusCode status)
    {
        Assert.True(Status == status, $"Expected {(int)status}, got {(int)Status}: {Body}");
        Assert.Equal("application/json", MediaType);
        return Assert.IsType<string>(Json["error"]?.GetValue<string>());
    }
}
