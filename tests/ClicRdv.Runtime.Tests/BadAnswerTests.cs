using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClicRdv.Runtime.Tests.Api;
using ClicRdv.Testing;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Refit;
using Xunit;

namespace ClicRdv.Runtime.Tests;

/// <summary>
/// A real server on 127.0.0.1 that answers badly: every bad answer reaches the caller as a typed exception with the
/// status and a bounded excerpt of the body, within the configured timeout, and the caller's cancellation is honoured.
/// The client is the one generated from the ClicRDV document, built by <see cref="ClicRdvClientFactory"/>.
/// </summary>
public sealed class BadAnswerTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(1);

    /// <summary>How long a test waits for a signal or a call before it counts as hung.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private const int MaxExcerptBytes = 16 * 1024;
    private const string RecordJson = "{\"id\":4,\"name\":\"Salon\"},";
    private const string EmptyPage = "{\"records\":[],\"totalRecords\":0}";

    private readonly System.Collections.Generic.List<ClicRdvClientFactory> _factories = new();
    private RecordingServer _server = null!;
    private Func<HttpContext, Task> _answer = context => Task.CompletedTask;
    private readonly ReadCountingTransport _transport = new();

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync((_, context) => _answer(context));

    public async Task DisposeAsync()
    {
        _factories.ForEach(factory => factory.Dispose());
        _transport.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Invalid_json_raises_an_api_exception_with_the_status_and_the_body()
    {
        _answer = context => Write(context, 200, "application/json", "{\"records\": [ {\"id\": 4, ");

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Groups().ListGroups());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal("{\"records\": [ {\"id\": 4, ", exception.Content);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(exception.InnerException);
    }

    [Fact]
    public async Task An_html_error_page_raises_an_api_exception_with_the_page()
    {
        _answer = context => Write(context, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Groups().ListGroups());

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Equal("<html><body><h1>502 Bad Gateway</h1></body></html>", exception.Content);
    }

    [Fact]
    public async Task An_empty_success_raises_an_api_exception_instead_of_returning_null()
    {
        _answer = context => Write(context, 200, "application/json", string.Empty);

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Groups().ListGroups());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal(string.Empty, exception.Content);
    }

    [Fact]
    public async Task A_success_of_the_wrong_content_type_raises_an_api_exception_with_the_body()
    {
        _answer = context => Write(context, 200, "text/html; charset=utf-8", "<!DOCTYPE html><title>Maintenance</title>");

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Groups().ListGroups());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal("<!DOCTYPE html><title>Maintenance</title>", exception.Content);
    }

    [Fact]
    public async Task An_answer_over_the_size_limit_stops_being_read_and_raises_an_api_exception_with_an_excerpt()
    {
        _answer = context => WriteEndlessJsonAsync(context, 200, announceLength: false);

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Groups(maxResponseBytes: 1024 * 1024).ListGroups());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal(HttpRequestError.ConfigurationLimitExceeded, Assert.IsType<HttpRequestException>(exception.InnerException).HttpRequestError);
        Assert.Contains("MaxResponseContentBufferSize", exception.Message);
        Assert.Equal(MaxExcerptBytes, exception.Content!.Length);
        Assert.StartsWith("{\"records\":[", exception.Content);
        AssertClientStoppedReading();
    }

    [Fact]
    public async Task An_answer_announcing_a_length_over_the_limit_is_refused_before_its_body_is_read()
    {
        _answer = context => WriteEndlessJsonAsync(context, 200, announceLength: true);

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Groups(maxResponseBytes: 1024 * 1024).ListGroups());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal(HttpRequestError.ConfigurationLimitExceeded, Assert.IsType<HttpRequestException>(exception.InnerException).HttpRequestError);
        Assert.Equal(string.Empty, exception.Content);
        AssertClientStoppedReading();
    }

    [Fact]
    public async Task A_huge_error_body_is_cut_to_an_excerpt()
    {
        _answer = context => WriteEndlessJsonAsync(context, 500, announceLength: false);

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Groups().ListGroups());

        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.Equal(MaxExcerptBytes, exception.Content!.Length);
        AssertClientStoppedReading();
    }

    [Theory]
    [InlineData(31)]
    [InlineData(MaxExcerptBytes + 4000)]
    public async Task A_connection_closed_mid_body_raises_an_api_exception_with_what_arrived_up_to_the_excerpt_size(int arrived)
    {
        var start = CollectionStart(arrived);

        var exception = await CallDroppedMidBodyAsync(200, start);

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal(start[..Math.Min(arrived, MaxExcerptBytes)], exception.Content);
        Assert.IsAssignableFrom<System.IO.IOException>(exception.InnerException);
        Assert.StartsWith("The response could not be read", exception.Message);
    }

    [Fact]
    public async Task An_error_whose_connection_closes_mid_body_keeps_its_status_and_what_arrived()
    {
        var exception = await CallDroppedMidBodyAsync(503, "{\"error\":\"maint");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal("{\"error\":\"maint", exception.Content);
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_as_a_timeout_within_the_configured_timeout()
    {
        var answer = HeldAnswer.BeforeHeaders();
        _answer = answer.RespondAsync;

        var elapsed = Stopwatch.StartNew();
        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => Groups(timeout: ShortTimeout).ListGroups().WaitAsync(HangGuard));

        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.InRange(elapsed.Elapsed, ShortTimeout * 0.9, ShortTimeout * 10);
        await answer.Abandoned.WaitAsync(HangGuard);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    public async Task A_body_that_stalls_after_the_headers_fails_as_a_timeout_within_the_configured_timeout(int status)
    {
        var readBefore = await WarmUpAsync();
        var groups = Groups(timeout: ShortTimeout);
        var answer = HeldAnswer.AfterBodyStart(status, "{\"records\":[");
        _answer = answer.RespondAsync;

        var elapsed = Stopwatch.StartNew();
        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => groups.ListGroups().WaitAsync(HangGuard));

        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.Contains("HttpClient.Timeout of 1 seconds", exception.Message);
        Assert.InRange(elapsed.Elapsed, ShortTimeout * 0.9, ShortTimeout * 10);

        // The deadline ran out inside the body, not while waiting for the headers: the start had been read.
        Assert.Equal(readBefore + answer.StartBytes, _transport.BytesRead);
        await answer.Abandoned.WaitAsync(HangGuard);
    }

    [Fact]
    public async Task Calls_after_a_timeout_run_with_a_fresh_deadline()
    {
        _answer = HeldAnswer.BeforeHeaders().RespondAsync;
        var groups = Groups(timeout: ShortTimeout);

        await Assert.ThrowsAsync<TaskCanceledException>(() => groups.ListGroups().WaitAsync(HangGuard));
        _answer = context => Write(context, 200, "application/json", EmptyPage);

        for (var call = 0; call < 3; call++)
        {
            Assert.Equal(0, (await groups.ListGroups()).TotalRecords);
        }
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_the_headers_cancels_the_call()
    {
        var answer = HeldAnswer.BeforeHeaders();
        _answer = answer.RespondAsync;
        using var cancellation = new CancellationTokenSource();

        var call = Groups().ListGroups(cancellationToken: cancellation.Token);
        await WhileRunningAsync(call, answer.Arrived, "the request arrived");
        cancellation.Cancel();

        await AssertCancelledByTheCallerAsync(call, answer, cancellation.Token);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    public async Task Cancelling_while_the_body_streams_in_cancels_the_call(int status)
    {
        var answer = HeldAnswer.AfterBodyStart(status, "{\"records\":[");
        _answer = answer.RespondAsync;
        using var cancellation = new CancellationTokenSource();

        var call = Groups().ListGroups(cancellationToken: cancellation.Token);
        await WhileReadingTheBodyAsync(call, answer);
        cancellation.Cancel();

        await AssertCancelledByTheCallerAsync(call, answer, cancellation.Token);
    }

    [Fact]
    public async Task A_session_login_that_never_answers_fails_as_a_timeout_and_a_cancelled_one_as_cancelled()
    {
        var timedOutLogin = HeldAnswer.BeforeHeaders();
        _answer = timedOutLogin.RespondAsync;
        using var factory = new ClicRdvClientFactory(Options(ClicRdvAuthentication.ProSession, timeout: ShortTimeout), ApiClients.Factories, ApiJsonContext.Default, transport: _transport);
        var session = factory.Session!;

        var timedOut = await Assert.ThrowsAsync<TaskCanceledException>(() => session.GetProfileAsync().WaitAsync(HangGuard));

        Assert.IsType<TimeoutException>(timedOut.InnerException);
        Assert.Contains("login", timedOut.Message);
        await timedOutLogin.Abandoned.WaitAsync(HangGuard);

        var cancelledLogin = HeldAnswer.BeforeHeaders();
        _answer = cancelledLogin.RespondAsync;
        using var cancellation = new CancellationTokenSource();
        var login = session.GetProfileAsync(cancellation.Token);
        await WhileRunningAsync(login, cancelledLogin.Arrived, "the login arrived");
        cancellation.Cancel();

        await AssertCancelledByTheCallerAsync(login, cancelledLogin, cancellation.Token);
        Assert.Equal(0, session.LoginCount);
    }

    [Fact]
    public async Task A_huge_login_answer_is_refused_as_an_authentication_failure()
    {
        _answer = context => WriteEndlessJsonAsync(context, 200, announceLength: false);
        using var factory = new ClicRdvClientFactory(Options(ClicRdvAuthentication.ProSession), ApiClients.Factories, ApiJsonContext.Default, transport: _transport);

        var exception = await Assert.ThrowsAsync<ClicRdvAuthenticationException>(() => factory.Session!.GetProfileAsync());

        Assert.Contains("larger than", exception.Message);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        AssertClientStoppedReading();
    }

    [Fact]
    public async Task Ten_thousand_failing_calls_leave_no_connection_behind()
    {
        const int calls = 10_000;
        const int parallelism = 16;
        var kinds = new Func<HttpContext, Task>[]
        {
            context => Write(context, 500, "text/html", "<html>Internal Server Error</html>"),
            context => Write(context, 404, "application/json", "{\"error\":\"no such resource\"}"),
            context => Write(context, 200, "application/json", "{not json"),
            context => Write(context, 200, "application/json", string.Empty),
        };
        var served = 0;
        _answer = context => kinds[Interlocked.Increment(ref served) % kinds.Length](context);
        var groups = Groups();
        var failures = 0;

        await Parallel.ForAsync(0, calls, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (_, _) =>
        {
            var exception = await Record.ExceptionAsync(() => groups.ListGroups());
            Assert.IsAssignableFrom<ApiException>(exception);
            Interlocked.Increment(ref failures);
        });

        output.WriteLine($"{calls} failing calls, {parallelism} at a time: {_server.AcceptedConnections} connections opened, {_server.OpenConnections} open at the end.");
        Assert.Equal(calls, failures);
        Assert.Equal(calls, _server.Requests.Count);

        // An undisposed response would hold its connection, and the next call would open another.
        Assert.InRange(_server.AcceptedConnections, 1, parallelism * 2);
        Assert.InRange(_server.OpenConnections, 0, parallelism);
    }

    private IGroupsApi Groups(TimeSpan? timeout = null, long? maxResponseBytes = null)
    {
        var factory = new ClicRdvClientFactory(Options(ClicRdvAuthentication.Basic, timeout, maxResponseBytes), ApiClients.Factories, ApiJsonContext.Default, transport: _transport);
        _factories.Add(factory);
        return factory.Create<IGroupsApi>();
    }

    private ClicRdvOptions Options(ClicRdvAuthentication authentication, TimeSpan? timeout = null, long? maxResponseBytes = null)
    {
        var options = new ClicRdvOptions
        {
            BaseAddress = _server.BaseAddress,
            ApiKey = "bad-answers",
            Authentication = authentication,
            Email = "pro@example.com",
            Password = "pw",
        };
        options.Timeout = timeout ?? options.Timeout;
        options.MaxResponseContentBytes = maxResponseBytes ?? options.MaxResponseContentBytes;
        return options;
    }

    private static async Task Write(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    }

    /// <summary>
    /// Calls while the server sends the headers and <paramref name="start"/>, and drops the connection once the client
    /// has read them: dropped sooner, what was sent could be lost with the connection, and the test would not be about
    /// a body cut short.
    /// </summary>
    private async Task<ApiException> CallDroppedMidBodyAsync(int status, string start)
    {
        var answer = HeldAnswer.AfterBodyStart(status, start);
        _answer = answer.RespondAsync;

        var call = Groups().ListGroups();
        await WhileReadingTheBodyAsync(call, answer);
        answer.DropConnection();

        return await Assert.ThrowsAnyAsync<ApiException>(() => call.WaitAsync(HangGuard));
    }

    /// <summary>
    /// One call answered at once, with the default timeout and through the same transport, so that the connection is
    /// open and the code has run before a call whose short deadline must be spent in its body rather than in starting
    /// up (a first call in a busy test run can take longer than that deadline). Returns the bytes of bodies read so far.
    /// </summary>
    private async Task<long> WarmUpAsync()
    {
        _answer = context => Write(context, 200, "application/json", EmptyPage);
        await Groups().ListGroups();
        return _transport.BytesRead;
    }

    /// <summary>Waits while <paramref name="call"/> runs until the client has read the start of <paramref name="answer"/>'s body.</summary>
    private Task WhileReadingTheBodyAsync(Task call, HeldAnswer answer) =>
        WhileRunningAsync(call, _transport.WhenBytesRead(answer.StartBytes), "the client read the start of the body");

    /// <summary>Waits for <paramref name="signal"/> while <paramref name="call"/> runs; a call that ends first fails the test, saying how it ended.</summary>
    private static async Task WhileRunningAsync(Task call, Task signal, string awaited)
    {
        var first = await Task.WhenAny(signal, call, Task.Delay(HangGuard));
        Assert.True(first == signal, first == call
            ? $"The call ended before {awaited}: {call.Exception?.GetBaseException().ToString() ?? "it succeeded"}"
            : $"Still waiting after {HangGuard.TotalSeconds} s for {awaited}.");
    }

    /// <summary>
    /// The call fails as the caller's cancellation (HttpClient's timeout exception is the other kind, with a
    /// TimeoutException inside), and lets go of the request it was waiting on.
    /// </summary>
    /// <summary>The call ends as the caller's cancellation: with the caller's token (as HttpClient's does), not as a timeout.</summary>
    private static async Task AssertCancelledByTheCallerAsync(Task call, HeldAnswer answer, CancellationToken callersToken)
    {
        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(HangGuard));

        Assert.IsNotType<TimeoutException>(exception.InnerException);
        Assert.Equal(callersToken, exception.CancellationToken);
        await answer.Abandoned.WaitAsync(HangGuard);
    }

    /// <summary>The start of a JSON collection, <paramref name="bytes"/> long: it never ends.</summary>
    private static string CollectionStart(int bytes) =>
        ("{\"records\":[" + string.Concat(Enumerable.Repeat(RecordJson, bytes / RecordJson.Length + 1)))[..bytes];

    /// <summary>Writes a JSON array of 64 MiB, or until the client goes away.</summary>
    private static async Task WriteEndlessJsonAsync(HttpContext context, int status, bool announceLength)
    {
        const long total = 64L * 1024 * 1024;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (announceLength)
        {
            context.Response.ContentLength = total;
        }

        var record = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(RecordJson, 40)));
        try
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"records\":["), context.RequestAborted);
            for (var written = 0L; written < total - record.Length && !context.RequestAborted.IsCancellationRequested; written += record.Length)
            {
                await context.Response.Body.WriteAsync(record, context.RequestAborted);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or System.IO.IOException or ConnectionAbortedException)
        {
            // The client went away, as it should.
        }
    }

    /// <summary>The client read a few mebibytes at most of the 64 MiB body: the limit stopped it, not the end of the body.</summary>
    private void AssertClientStoppedReading() => Assert.InRange(_transport.BytesRead, 0, 4 * 1024 * 1024);
}
