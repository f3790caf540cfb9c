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
    private const int MaxExcerptBytes = 16 * 1024;

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

        var exception = await Assert.ThrowsAsync<ApiException>(() => Groups().ListGroups());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal("{\"records\": [ {\"id\": 4, ", exception.Content);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(exception.InnerException);
    }

    [Fact]
    public async Task An_html_error_page_raises_an_api_exception_with_the_page()
    {
        _answer = context => Write(context, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");

        var exception = await Assert.ThrowsAsync<ApiException>(() => Groups().ListGroups());

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Equal("<html><body><h1>502 Bad Gateway</h1></body></html>", exception.Content);
    }

    [Fact]
    public async Task An_empty_success_raises_an_api_exception_instead_of_returning_null()
    {
        _answer = context => Write(context, 200, "application/json", string.Empty);

        var exception = await Assert.ThrowsAsync<ApiException>(() => Groups().ListGroups());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal(string.Empty, exception.Content);
    }

    [Fact]
    public async Task A_success_of_the_wrong_content_type_raises_an_api_exception_with_the_body()
    {
        _answer = context => Write(context, 200, "text/html; charset=utf-8", "<!DOCTYPE html><title>Maintenance</title>");

        var exception = await Assert.ThrowsAsync<ApiException>(() => Groups().ListGroups());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal("<!DOCTYPE html><title>Maintenance</title>", exception.Content);
    }

    [Fact]
    public async Task An_answer_over_the_size_limit_stops_being_read_and_raises_an_api_exception_with_an_excerpt()
    {
        _answer = context => WriteEndlessJsonAsync(context, 200, announceLength: false);

        var exception = await Assert.ThrowsAsync<ApiException>(() => Groups(maxResponseBytes: 1024 * 1024).ListGroups());

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

        var exception = await Assert.ThrowsAsync<ApiException>(() => Groups(maxResponseBytes: 1024 * 1024).ListGroups());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal(HttpRequestError.ConfigurationLimitExceeded, Assert.IsType<HttpRequestException>(exception.InnerException).HttpRequestError);
        Assert.Equal(string.Empty, exception.Content);
        AssertClientStoppedReading();
    }

    [Fact]
    public async Task A_huge_error_body_is_cut_to_an_excerpt()
    {
        _answer = context => WriteEndlessJsonAsync(context, 500, announceLength: false);

        var exception = await Assert.ThrowsAsync<ApiException>(() => Groups().ListGroups());

        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.Equal(MaxExcerptBytes, exception.Content!.Length);
        AssertClientStoppedReading();
    }

    [Fact]
    public async Task A_connection_closed_mid_body_raises_an_api_exception_with_what_arrived()
    {
        _answer = context => WriteThenAbortAsync(context, 200, "{\"records\":[{\"id\":4,\"name\":\"Sal");

        var exception = await Assert.ThrowsAsync<ApiException>(() => Groups().ListGroups());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal("{\"records\":[{\"id\":4,\"name\":\"Sal", exception.Content);
        Assert.IsAssignableFrom<System.IO.IOException>(exception.InnerException);
        Assert.StartsWith("The response could not be read", exception.Message);
    }

    [Fact]
    public async Task An_error_whose_connection_closes_mid_body_keeps_its_status_and_what_arrived()
    {
        _answer = context => WriteThenAbortAsync(context, 503, "{\"error\":\"maint");

        var exception = await Assert.ThrowsAsync<ApiException>(() => Groups().ListGroups());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal("{\"error\":\"maint", exception.Content);
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_as_a_timeout_within_the_configured_timeout()
    {
        _answer = context => Task.Delay(Timeout.Infinite, context.RequestAborted);

        var elapsed = Stopwatch.StartNew();
        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => Groups(timeout: ShortTimeout).ListGroups());

        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.InRange(elapsed.Elapsed, ShortTimeout * 0.9, ShortTimeout * 10);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    public async Task A_body_that_stalls_after_the_headers_fails_as_a_timeout_within_the_configured_timeout(int status)
    {
        _answer = context => WriteThenStallAsync(context, status, "{\"records\":[");

        var elapsed = Stopwatch.StartNew();
        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => Groups(timeout: ShortTimeout).ListGroups());

        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.Contains("HttpClient.Timeout of 1 seconds", exception.Message);
        Assert.InRange(elapsed.Elapsed, ShortTimeout * 0.9, ShortTimeout * 10);
    }

    [Fact]
    public async Task Calls_after_a_timeout_run_with_a_fresh_deadline()
    {
        var stall = true;
        _answer = context => Volatile.Read(ref stall)
            ? Task.Delay(Timeout.Infinite, context.RequestAborted)
            : Write(context, 200, "application/json", "{\"records\":[],\"totalRecords\":0}");
        var groups = Groups(timeout: ShortTimeout);

        await Assert.ThrowsAsync<TaskCanceledException>(() => groups.ListGroups());
        Volatile.Write(ref stall, false);

        for (var call = 0; call < 3; call++)
        {
            Assert.Equal(0, (await groups.ListGroups()).TotalRecords);
        }
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_the_headers_cancels_the_call()
    {
        _answer = context => Task.Delay(Timeout.Infinite, context.RequestAborted);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Groups().ListGroups(cancellationToken: cancellation.Token));

        Assert.IsNotType<TimeoutException>(exception.InnerException);
        Assert.True(cancellation.IsCancellationRequested);
    }

    [Fact]
    public async Task Cancelling_while_the_body_streams_in_cancels_the_call()
    {
        _answer = context => WriteThenStallAsync(context, 200, "{\"records\":[");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Groups().ListGroups(cancellationToken: cancellation.Token));

        Assert.IsNotType<TimeoutException>(exception.InnerException);
        Assert.True(cancellation.IsCancellationRequested);
    }

    [Fact]
    public async Task Cancelling_while_an_error_body_streams_in_cancels_the_call()
    {
        _answer = context => WriteThenStallAsync(context, 500, "{\"error\":");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Groups().ListGroups(cancellationToken: cancellation.Token));

        Assert.IsNotType<TimeoutException>(exception.InnerException);
    }

    [Fact]
    public async Task A_session_login_that_never_answers_fails_as_a_timeout_and_a_cancelled_one_as_cancelled()
    {
        _answer = context => Task.Delay(Timeout.Infinite, context.RequestAborted);
        using var factory = new ClicRdvClientFactory(Options(ClicRdvAuthentication.ProSession, timeout: ShortTimeout), ApiClients.Factories, ApiJsonContext.Default, transport: _transport);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var timedOut = await Assert.ThrowsAsync<TaskCanceledException>(() => factory.Session!.GetProfileAsync());
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => factory.Session!.GetProfileAsync(cancellation.Token));

        Assert.IsType<TimeoutException>(timedOut.InnerException);
        Assert.Contains("login", timedOut.Message);
        Assert.IsNotType<TimeoutException>(cancelled.InnerException);
        Assert.Equal(0, factory.Session!.LoginCount);
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
            Assert.IsType<ApiException>(exception);
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

    private static async Task WriteThenAbortAsync(HttpContext context, int status, string start)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 10_000;
        await context.Response.WriteAsync(start);
        await context.Response.Body.FlushAsync();

        // Let the headers and the start reach the client before the connection drops.
        await Task.Delay(200);
        context.Abort();
    }

    private static async Task WriteThenStallAsync(HttpContext context, int status, string start)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(start);
        await context.Response.Body.FlushAsync();
        await Task.Delay(Timeout.Infinite, context.RequestAborted);
    }

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

        var record = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"id\":4,\"name\":\"Salon\"},", 40)));
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
