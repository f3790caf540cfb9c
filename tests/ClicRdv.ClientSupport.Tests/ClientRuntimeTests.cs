using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClicRdv.Generated.Support;
using Refit;
using Xunit;

namespace ClicRdv.ClientSupport.Tests;

/// <summary>The send-and-read path over an in-memory handler: what a generated method's last line does.</summary>
public sealed class ClientRuntimeTests
{
    [Fact]
    public async Task Json_is_read_with_the_metadata_given()
    {
        using var client = Client((_, _) => Task.FromResult(Json(HttpStatusCode.OK, """{"a":1}""")));

        var result = await Send(client, TestContext.Default.DictionaryStringInt32);

        Assert.Equal(1, result["a"]);
    }

    [Fact]
    public async Task A_failed_answer_raises_ApiException_with_at_most_16_KiB_of_its_body()
    {
        using var client = Client((_, _) => Task.FromResult(Json(HttpStatusCode.InternalServerError, new string('x', 100_000))));

        var exception = await Assert.ThrowsAsync<ApiException>(() => Send(client, TestContext.Default.DictionaryStringInt32));

        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.Equal(ExcerptContent.MaxExcerptBytes, exception.Content!.Length);
    }

    [Fact]
    public async Task An_answer_that_is_not_the_expected_json_raises_ApiException_with_the_readers_error_and_the_body()
    {
        using var client = Client((_, _) => Task.FromResult(Json(HttpStatusCode.OK, "<html>oops</html>")));

        var exception = await Assert.ThrowsAsync<ApiException>(() => Send(client, TestContext.Default.DictionaryStringInt32));

        Assert.IsAssignableFrom<System.Text.Json.JsonException>(exception.InnerException);
        Assert.Equal("<html>oops</html>", exception.Content);
    }

    [Fact]
    public async Task A_body_that_stalls_fails_as_HttpClients_timeout_does()
    {
        using var client = Client((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) }));
        client.Timeout = TimeSpan.FromMilliseconds(200);

        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => Send(client, TestContext.Default.DictionaryStringInt32));

        Assert.IsType<TimeoutException>(exception.InnerException);
    }

    [Fact]
    public async Task A_callers_cancellation_while_a_body_streams_in_names_the_callers_token_as_HttpClient_does()
    {
        var bodyRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = Client((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream(bodyRequested)) }));
        using var caller = new CancellationTokenSource();

        var call = Send(client, TestContext.Default.DictionaryStringInt32, caller.Token);
        await bodyRequested.Task.WaitAsync(TimeSpan.FromSeconds(30));
        caller.Cancel();
        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => call);

        Assert.Equal(caller.Token, exception.CancellationToken);
        Assert.IsNotType<TimeoutException>(exception.InnerException);
    }

    [Fact]
    public async Task The_token_getter_sets_a_bearer_header_and_no_getter_sets_nothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");
        await ClientRuntime.AuthorizeAsync(request, new RefitSettings(), CancellationToken.None);
        Assert.Null(request.Headers.Authorization);

        await ClientRuntime.AuthorizeAsync(request, new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => new ValueTask<string>("abc") }, CancellationToken.None);
        Assert.Equal("Bearer abc", request.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task A_body_goes_through_the_metadata_or_else_through_the_settings_serializer()
    {
        var settings = new RefitSettings();
        var value = new Dictionary<string, int> { ["a"] = 1 };

        Assert.Equal("""{"a":1}""", await ClientRuntime.JsonBody(value, TestContext.Default.DictionaryStringInt32, settings).ReadAsStringAsync());
        Assert.Equal("""{"a":1}""", await ClientRuntime.JsonBody(value, null, settings).ReadAsStringAsync());
    }

    private static Task<Dictionary<string, int>> Send(HttpClient client, System.Text.Json.Serialization.Metadata.JsonTypeInfo<Dictionary<string, int>> json, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, RequestUri.Build(client, "/x", null));
        return ClientRuntime.SendAsync(client, request, new RefitSettings(), ResponseContent.Json, json, cancellationToken);
    }

    private static HttpClient Client(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) =>
        new(new Handler(answer)) { BaseAddress = new Uri("http://127.0.0.1/") };

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class Handler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // As a real transport does; Refit's exception factory reads it.
            var response = await answer(request, cancellationToken);
            response.RequestMessage = request;
            return response;
        }
    }

    /// <summary>A body that never sends a byte, until the reader gives up; it says when it is first read.</summary>
    private sealed class StallingStream(TaskCompletionSource? firstRead = null) : System.IO.Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            firstRead?.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
