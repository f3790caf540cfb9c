using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace ClicRdv.Runtime.Tests;

/// <summary>
/// A small ClicRDV on 127.0.0.1 that enforces the authentication rules (apikey in the query, Basic or a session
/// cookie) and records what it receives, for the runtime's wire tests. It never challenges with WWW-Authenticate.
/// </summary>
internal sealed class FakeClicRdv : IAsyncDisposable
{
    public const string ApiKey = "k3y with spaces&=";
    public const string Email = "pro@example.com";
    public const string Password = "s3cret-Pa55";
    public const string AccountEmail = "customer@example.com";

    public static readonly string PasswordSha1 = LoginForm.PasswordSha1(Password);

    private readonly ConcurrentDictionary<string, string> _sessions = new();
    private readonly TaskCompletionSource _firstLoginArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RecordingServer _server = null!;
    private TaskCompletionSource? _heldLogins;
    private int _logins;

    private FakeClicRdv()
    {
    }

    public Uri BaseAddress => _server.BaseAddress;

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public IEnumerable<RecordedRequest> ApiRequests => Requests.Where(request => !request.Path.EndsWith("/sessions/login", StringComparison.Ordinal));

    public int Logins => Volatile.Read(ref _logins);

    /// <summary>Every login is refused with 401 (wrong password), and the server echoes the hash it got.</summary>
    public bool RejectLogins { get; set; }

    /// <summary>Every session request gets 401 even right after a login (a server that lost its mind).</summary>
    public bool RejectSessions { get; set; }

    /// <summary>Lost sessions get a redirect to the login page instead of 401.</summary>
    public bool RedirectLostSessions { get; set; }

    /// <summary>Completes when the first login request has arrived.</summary>
    public Task FirstLoginArrived => _firstLoginArrived.Task;

    public IReadOnlyCollection<string> SessionIds => _sessions.Keys.ToList();

    /// <summary>What no message, log line, trace or metric may hold: the apikey (raw and escaped), the password, its hash, the Basic header's value, each session id.</summary>
    public IEnumerable<string> Secrets() => new[]
    {
        ApiKey,
        Uri.EscapeDataString(ApiKey),
        Password,
        PasswordSha1,
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Email + ":" + Password)),
    }.Concat(SessionIds);

    /// <summary>The configuration section (<c>ClicRdv</c>, or an account's) of an application registered against this server.</summary>
    public IConfiguration Configuration(string authentication, string section = "ClicRdv") =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [section + ":BaseAddress"] = BaseAddress.ToString(),
            [section + ":ApiKey"] = ApiKey,
            [section + ":Authentication"] = authentication,
            [section + ":Email"] = Email,
            [section + ":Password"] = Password,
        }).Build();

    public static async Task<FakeClicRdv> StartAsync()
    {
        var fake = new FakeClicRdv();
        fake._server = await RecordingServer.StartAsync(fake.RespondAsync);
        return fake;
    }

    /// <summary>Holds login answers until <see cref="ReleaseLogins"/>, so that the calls made meanwhile all wait for that login.</summary>
    public void HoldLogins() => Volatile.Write(ref _heldLogins, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Lets the held logins (and the later ones) be answered.</summary>
    public void ReleaseLogins() => Volatile.Read(ref _heldLogins)?.TrySetResult();

    /// <summary>Forgets every session, as the server does after an hour of inactivity.</summary>
    public void ExpireSessions() => _sessions.Clear();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task RespondAsync(RecordedRequest request, HttpContext context)
    {
        var apiKeys = request.Query.Where(pair => pair.Key == "apikey").Select(pair => pair.Value).ToList();
        if (apiKeys.Count != 1 || apiKeys[0] != ApiKey)
        {
            await Json(context, 401, """{"error":"invalid apikey"}""");
            return;
        }

        if (request.Path == "/api/v1/sessions/login" && request.Method == "POST")
        {
            await LoginAsync(request, context);
            return;
        }

        if (!IsAuthenticated(request))
        {
            if (RedirectLostSessions)
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = "/login";
                return;
            }

            await Json(context, 401, """{"error":"not logged in"}""");
            return;
        }

        await AnswerAsync(request, context);
    }

    private async Task LoginAsync(RecordedRequest request, HttpContext context)
    {
        Interlocked.Increment(ref _logins);
        _firstLoginArrived.TrySetResult();
        if (Volatile.Read(ref _heldLogins) is { } held)
        {
            await held.Task.WaitAsync(context.RequestAborted);
        }

        var form = request.Body.Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty));
        var isPro = form.TryGetValue("pro[email]", out var proEmail) && proEmail == Email && form.GetValueOrDefault("pro[password]") == PasswordSha1;
        var isAccount = form.TryGetValue("account[email]", out var accountEmail) && accountEmail == AccountEmail && form.GetValueOrDefault("account[password]") == PasswordSha1;
        if (RejectLogins || !(isPro || isAccount))
        {
            var received = form.GetValueOrDefault("pro[password]") ?? form.GetValueOrDefault("account[password]");
            await Json(context, 401, $$"""{"error":"Invalid login for password {{received}}"}""");
            return;
        }

        var sessionId = Guid.NewGuid().ToString("N");
        _sessions[sessionId] = isPro ? Email : AccountEmail;
        context.Response.Headers.Append("Set-Cookie", $"_session_id={sessionId}; path=/; HttpOnly");
        await Json(context, 200, isPro
            ? """{"pro":{"id":9,"firstname":"User","lastname":"Fake","email":"pro@example.com","cellphone":"06 12 34 56 78","created_at":"2007-03-30 15:09:07","group_id":4},"error":null}"""
            : """{"account":{"id":31,"email":"customer@example.com","group_id":4},"error":null}""");
    }

    private bool IsAuthenticated(RecordedRequest request)
    {
        if (request.Headers.TryGetValue("Authorization", out var authorization))
        {
            return authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Email + ":" + Password));
        }

        if (RejectSessions || !request.Headers.TryGetValue("Cookie", out var cookies))
        {
            return false;
        }

        return cookies.Split(';').Select(cookie => cookie.Trim()).Any(cookie => cookie.StartsWith("_session_id=", StringComparison.Ordinal) && _sessions.ContainsKey(cookie["_session_id=".Length..]));
    }

    private static Task AnswerAsync(RecordedRequest request, HttpContext context) => (request.Method, request.Path) switch
    {
        ("GET", "/api/v1/groups") => Json(context, 200, """{"records":[{"id":4,"name":"Salon"}],"totalRecords":1,"startIndex":0,"recordsReturned":1,"pageSize":25,"sort":null,"dir":null}"""),
        ("GET", "/api/v1/groups/4/calendars") => Json(context, 200, """{"records":[{"id":11,"group_id":4,"name":"Alice","deleted":false,"created_at":"2024-01-15 09:30:00","updated_at":"2024-01-15T10:00:00+01:00"}],"totalRecords":1,"startIndex":0,"recordsReturned":1,"pageSize":25,"sort":null,"dir":null}"""),
        ("GET", "/api/v1/groups/4/calendars/666") => Json(context, 200, """{"id":666,"name":"Broken","created_at":"28/02/2017 11h35"}"""),
        ("POST", "/api/v1/groups/4/calendars") => Json(context, 201, """{"id":12,"group_id":4,"name":"Created","deleted":false,"created_at":"2024-03-01 08:00:00"}"""),
        _ => Json(context, 404, """{"error":"no such resource"}"""),
    };

    private static async Task Json(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }
}
