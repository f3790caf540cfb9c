using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClicRdv.Runtime;
using ClicRdv.Testing;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>An answer to a fuzz request, or why there is none (no answer within the bound, a dropped connection).</summary>
internal sealed record Sent(FuzzRequest Request, HttpAnswer? Answer, TimeSpan Elapsed, string? Failure);

/// <summary>
/// Sends fuzz requests as they are, with the pro user's Basic credentials or a session of theirs, each with its own
/// time bound: a request that hangs costs that bound, not the test run.
/// </summary>
internal sealed class FuzzClient : IDisposable
{
    /// <summary>A hang guard, not a timing goal: the emulator answers in milliseconds.</summary>
    public static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;
    private readonly string _basic;
    private string? _session;

    public FuzzClient(Uri baseAddress, string email, string password)
    {
        _http = new HttpClient(PlainTransport.Create()) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(email + ":" + password));
    }

    /// <summary>Logs the pro user in (its SHA1 password in the form, as the document says) and keeps the session cookie.</summary>
    public async Task<Sent> LogInAsync(string apiKey, string email, string password)
    {
        var form = $"pro%5Bemail%5D={Uri.EscapeDataString(email)}&pro%5Bpassword%5D={LoginForm.PasswordSha1(password)}";
        var login = new FuzzRequest("login", "the pro user logs in", "POST", $"/api/v1/sessions/login?apikey={Uri.EscapeDataString(apiKey)}", "application/x-www-form-urlencoded", form, Credentials.None, Expectation.Success, "the pro user's own login");
        var sent = await SendAsync(login);
        _session = sent.Answer?.Headers.GetValueOrDefault("Set-Cookie")?.Split(';')[0];
        return _session is null ? sent with { Failure = "the login set no session cookie" } : sent;
    }

    public async Task<Sent> SendAsync(FuzzRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.PathAndQuery);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType ?? "application/json");
        }

        if (request.Credentials == Credentials.Basic)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", _basic);
        }
        else if (request.Credentials == Credentials.Session)
        {
            message.Headers.Add("Cookie", _session ?? throw new InvalidOperationException("Log in before sending session requests."));
        }

        using var bound = new CancellationTokenSource(AnswerBound);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(message, bound.Token);
            return new Sent(request, await HttpAnswer.ReadAsync(response, bound.Token), clock.Elapsed, null);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            return new Sent(request, null, clock.Elapsed, $"no answer within {AnswerBound.TotalSeconds} seconds");
        }
        catch (HttpRequestException exception)
        {
            return new Sent(request, null, clock.Elapsed, "the connection failed: " + string.Join(" <- ", Causes(exception)));
        }
    }

    public void Dispose() => _http.Dispose();

    private static IEnumerable<string> Causes(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current.Message;
        }
    }
}
