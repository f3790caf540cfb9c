using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ClicRdv.Generated;
using ClicRdv.Testing;
using Errors;
using Microsoft.AspNetCore.Http;
using Refit;
using Xunit;

namespace ClicRdv.Generator.IntegrationTests;

/// <summary>
/// Error answers the document describes, read as their contracts: a real server on 127.0.0.1 answers the status and
/// the body each test asks for (<c>Fixtures/errors.openapi.json</c>), and the generated client throws
/// <see cref="ApiException{TError}"/> for the contract the document declares for that status, or the plain
/// <see cref="ApiException"/> when it declares none or the body is not that contract.
/// </summary>
public sealed class ErrorAnswerTests : IAsyncLifetime
{
    private RecordingServer _server = null!;
    private HttpClient _httpClient = null!;

    public async Task InitializeAsync()
    {
        _server = await RecordingServer.StartAsync(RespondAsync);
        _httpClient = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _httpClient.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_exact_status_reads_as_its_contract_and_keeps_everything_Refit_gives()
    {
        var things = new ErrorsApiClient(_httpClient);

        var exception = await Assert.ThrowsAsync<ApiException<NotFound>>(() => things.GetThing(404, """{"message":"no thing 7","id":7}"""));

        Assert.Equal("no thing 7", exception.Error.Message);
        Assert.Equal(7, exception.Error.Id);
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("""{"message":"no thing 7","id":7}""", exception.Content);
        Assert.Equal("application/json", exception.ContentHeaders!.ContentType!.MediaType);
        Assert.Equal(HttpMethod.Get, exception.HttpMethod);
        Assert.EndsWith("/things/404?body=%7B%22message%22%3A%22no%20thing%207%22%2C%22id%22%3A7%7D", exception.Uri!.AbsoluteUri);
        Assert.Contains("404", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_without_its_own_answer_reads_as_its_range_then_as_default()
    {
        var things = new ErrorsApiClient(_httpClient);

        var refused = await Assert.ThrowsAsync<ApiException<Problem>>(() => things.GetThing(422, """{"title":"invalid","status":422}"""));
        var failed = await Assert.ThrowsAsync<ApiException<GetThingErrorDefault>>(() => things.GetThing(503, """{"trace":"abc"}"""));

        Assert.Equal("invalid", refused.Error.Title);
        Assert.Equal("abc", failed.Error.Trace);
    }

    [Fact]
    public async Task A_status_the_document_declares_without_a_body_stays_a_plain_exception()
    {
        var things = new ErrorsApiClient(_httpClient);

        // 409 is declared with no content: neither 4XX nor default applies to it.
        var exception = await Assert.ThrowsAsync<ApiException>(() => things.GetThing(409, """{"title":"conflict"}"""));

        Assert.Equal(typeof(ApiException), exception.GetType());
        Assert.Equal("""{"title":"conflict"}""", exception.Content);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("""{"id":7}""")]
    [InlineData("""{"message":"cut short""")]
    [InlineData("null")]
    [InlineData("")]
    public async Task A_body_that_is_not_the_contract_falls_back_to_the_plain_exception_with_its_content(string body)
    {
        var things = new ErrorsApiClient(_httpClient);

        var exception = await Assert.ThrowsAsync<ApiException>(() => things.GetThing(404, body));

        Assert.Equal(typeof(ApiException), exception.GetType());
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal(body, exception.Content ?? string.Empty);
        Assert.Null(exception.InnerException);
    }

    [Fact]
    public async Task An_operation_without_content_reads_its_error_range_too()
    {
        var things = new ErrorsApiClient(_httpClient);

        var exception = await Assert.ThrowsAsync<ApiException<Problem>>(() => things.DeleteThing(500));
        var notCovered = await Assert.ThrowsAsync<ApiException>(() => things.DeleteThing(404));

        Assert.Equal("deleted badly", exception.Error.Title);
        Assert.Equal(typeof(ApiException), notCovered.GetType());
    }

    [Fact]
    public async Task A_text_error_answer_has_no_contract_and_stays_a_plain_exception()
    {
        var things = new ErrorsApiClient(_httpClient);

        var exception = await Assert.ThrowsAsync<ApiException>(() => things.GetPlain(400));

        Assert.Equal(typeof(ApiException), exception.GetType());
        Assert.Equal("refused", exception.Content);
    }

    [Fact]
    public async Task A_caller_exception_factory_is_used_as_it_is()
    {
        var custom = new RefitSettings { ExceptionFactory = _ => new ValueTask<Exception?>(new InvalidOperationException("custom")) };
        var ownApiException = new RefitSettings();
        ownApiException.ExceptionFactory = response => new DefaultApiExceptionFactory(ownApiException).CreateAsync(response);
        var ignoring = new RefitSettings { ExceptionFactory = _ => new ValueTask<Exception?>((Exception?)null) };

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => new ErrorsApiClient(_httpClient, custom).GetThing(404, """{"message":"x"}"""));
        var plain = await Assert.ThrowsAsync<ApiException>(() => new ErrorsApiClient(_httpClient, ownApiException).GetThing(404, """{"message":"x"}"""));
        await new ErrorsApiClient(_httpClient, ignoring).DeleteThing(500);

        Assert.Equal("custom", thrown.Message);
        Assert.Equal(typeof(ApiException), plain.GetType());
    }

    [Fact]
    public async Task Refit_default_settings_and_RestService_give_the_typed_exception()
    {
        var things = RestService.For<IErrorsApi>(_httpClient, new RefitSettings());

        var exception = await Assert.ThrowsAsync<ApiException<NotFound>>(() => things.GetThing(404, """{"message":"gone"}"""));

        Assert.Equal("gone", exception.Error.Message);
    }

    [Fact]
    public async Task A_caller_content_serializer_reads_the_contract()
    {
        var settings = new RefitSettings(new CountingSerializer(new SystemTextJsonContentSerializer(new System.Text.Json.JsonSerializerOptions { TypeInfoResolver = ApiJsonContext.Default })));
        var things = new ErrorsApiClient(_httpClient, settings);

        var exception = await Assert.ThrowsAsync<ApiException<NotFound>>(() => things.GetThing(404, """{"message":"gone"}"""));

        Assert.Equal("gone", exception.Error.Message);
        Assert.Equal(1, ((CountingSerializer)settings.ContentSerializer).Reads);
    }

    [Fact]
    public async Task Api_response_mode_carries_the_typed_error()
    {
        var status = new Status.StatusApiClient(_httpClient);

        using var missing = await status.GetStatus(404);
        using var other = await status.GetStatus(410);

        var error = Assert.IsType<ApiException<Status.GetStatusError404>>(missing.Error);
        Assert.Equal("no status", error.Error.Message);
        Assert.Equal(typeof(ApiException), other.Error!.GetType());
    }

    private static async Task RespondAsync(RecordedRequest request, HttpContext context)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var status = int.Parse(segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        var body = segments[0] switch
        {
            "plain" => "refused",
            "status" => """{"message":"no status"}""",
            _ when request.Method == "DELETE" => """{"title":"deleted badly"}""",
            _ => request.Query.FirstOrDefault(pair => pair.Key == "body").Value ?? string.Empty,
        };
        context.Response.StatusCode = status;
        if (body.Length > 0)
        {
            context.Response.ContentType = segments[0] == "plain" ? "text/plain"
                : body.StartsWith('<') ? "text/html"
                : status is >= 400 and < 500 and not 404 ? "application/problem+json"
                : "application/json";
            await context.Response.WriteAsync(body);
        }
    }

    /// <summary>A content serializer of the caller's own (the clients then use it for everything), counting the reads it does.</summary>
    private sealed class CountingSerializer : IHttpContentSerializer
    {
        private readonly IHttpContentSerializer _inner;

        public CountingSerializer(IHttpContentSerializer inner) => _inner = inner;

        public int Reads { get; private set; }

        public HttpContent ToHttpContent<T>(T item) => _inner.ToHttpContent(item);

        public Task<T?> FromHttpContentAsync<T>(HttpContent content, System.Threading.CancellationToken cancellationToken = default)
        {
            Reads++;
            return _inner.FromHttpContentAsync<T>(content, cancellationToken);
        }

        public string? GetFieldNameForProperty(System.Reflection.PropertyInfo propertyInfo) => _inner.GetFieldNameForProperty(propertyInfo);
    }
}
