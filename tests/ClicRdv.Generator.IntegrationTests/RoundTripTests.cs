using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Echo;
using Microsoft.AspNetCore.Http;
using Refit;
using Xunit;

namespace ClicRdv.Generator.IntegrationTests;

/// <summary>
/// Calls a real server on 127.0.0.1 through clients the generator built into this project at compile time, and checks
/// that every verb, path parameter, query array, header and body arrives as the document says.
/// </summary>
public sealed class RoundTripTests : IAsyncLifetime
{
    private const string ItemJson = """{"id":7,"name":"Dr. Who","kind":"VfreebusyEvent","price_cents":2500,"created_at":"2024-03-01T10:00:00+01:00","start":"2017-02-28 11:35:00","extra":"kept"}""";

    private RecordingServer _server = null!;
    private HttpClient _httpClient = null!;

    public async Task InitializeAsync()
    {
        _server = await RecordingServer.StartAsync(RespondAsync);

        // A base path: the generated paths are appended to it, as Refit does.
        _httpClient = new HttpClient { BaseAddress = new Uri(_server.BaseAddress, "/api/v1/") };
    }

    public async Task DisposeAsync()
    {
        _httpClient.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Get_sends_path_query_arrays_and_headers_as_the_document_says()
    {
        var items = RestService.For<IItemsApi>(_httpClient);

        var page = await items.ListItems(
            4,
            interventionIds: new[] { 1, 2 },
            ids: new[] { 3, 4 },
            kind: Kind.VfreebusyEvent,
            since: new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(1)),
            search: "a&b=c d",
            start: new DateTime(2017, 2, 28, 11, 35, 0),
            active: true,
            xTrace: "trace-1");

        var request = _server.LastRequest;
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/v1/groups/4/items", request.Path);
        Assert.Equal(
            new[] { ("intervention_ids[]", "1"), ("intervention_ids[]", "2"), ("ids", "3,4"), ("kind", "VfreebusyEvent"), ("since", "2024-03-01T10:00:00.0000000+01:00"), ("search", "a&b=c d"), ("start", "2017-02-28 11:35:00"), ("active", "true") },
            request.Query.Select(pair => (pair.Key, pair.Value)).ToArray());
        Assert.Equal("trace-1", request.Headers["X-Trace"]);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Equal(1, page.TotalRecords);
        Assert.Equal("Dr. Who", Assert.Single(page.Records!).Name);
    }

    [Fact]
    public async Task Optional_parameters_left_out_are_not_sent()
    {
        var items = RestService.For<IItemsApi>(_httpClient);

        await items.ListItems(4);

        Assert.Equal(string.Empty, _server.LastRequest.RawQuery);
        Assert.False(_server.LastRequest.Headers.ContainsKey("X-Trace"));
    }

    [Fact]
    public async Task Post_sends_the_wrapped_json_body_and_reads_the_created_item()
    {
        var items = RestService.For<IItemsApi>(_httpClient);

        var created = await items.CreateItem(4, new CreateItemRequest { Item = new Item { Name = "New", Kind = Kind.Plage, PriceCents = 1500, Start = new DateTime(2024, 12, 24, 9, 5, 0) } });

        var request = _server.LastRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/groups/4/items", request.Path);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        // Members the document does not allow to be null are left out when unset, rather than sent as null.
        Assert.Equal("""{"item":{"name":"New","kind":"plage","price_cents":1500,"start":"2024-12-24 09:05:00"}}""", request.Body);
        Assert.Equal(7, created.Id);
        Assert.Equal(Kind.VfreebusyEvent, created.Kind);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(1)), created.CreatedAt);
        Assert.Equal(new DateTime(2017, 2, 28, 11, 35, 0), created.Start);
        Assert.Equal("kept", created.AdditionalProperties!["extra"].GetString());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Put_and_patch_send_the_body_to_the_item_path(string method)
    {
        var items = RestService.For<IItemsApi>(_httpClient);
        var item = new Item { Name = "Changed" };

        var answer = method == "PUT" ? await items.UpdateItem(4, "a/b", item) : await items.PatchItem(4, "a/b", item);

        var request = _server.LastRequest;
        Assert.Equal(method, request.Method);
        Assert.Equal("/api/v1/groups/4/items/a%2Fb", request.Path);
        Assert.Contains("\"name\":\"Changed\"", request.Body);
        Assert.Equal("Dr. Who", answer.Name);
    }

    [Fact]
    public async Task Delete_head_and_options_use_their_verbs()
    {
        var items = RestService.For<IItemsApi>(_httpClient);

        await items.DeleteItem(4, "9");
        Assert.Equal(("DELETE", "/api/v1/groups/4/items/9"), (_server.LastRequest.Method, _server.LastRequest.Path));
        await items.ItemExists(4, "9");
        Assert.Equal("HEAD", _server.LastRequest.Method);
        await items.ItemOptions(4, "9");
        Assert.Equal("OPTIONS", _server.LastRequest.Method);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task A_dot_segment_path_parameter_is_refused_before_anything_is_sent(string id)
    {
        var items = RestService.For<IItemsApi>(_httpClient);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => items.GetItem(4, id));

        Assert.Contains("another resource", exception.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Form_bodies_are_url_encoded_with_their_wire_names()
    {
        var sessions = RestService.For<ISessionsApi>(_httpClient);

        var answer = await sessions.Login(new LoginRequest { ProEmail = "user@example.com", ProPassword = "a94a8fe5" });

        var request = _server.LastRequest;
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"]);
        Assert.Equal("pro%5Bemail%5D=user%40example.com&pro%5Bpassword%5D=a94a8fe5", request.Body);
        Assert.Equal(4, answer.GroupId);
    }

    [Fact]
    public async Task Text_and_binary_bodies_round_trip()
    {
        var notes = RestService.For<INotesApi>(_httpClient);
        var files = RestService.For<IFilesApi>(_httpClient);

        Assert.Equal("hello", await notes.EchoNote("hello"));
        Assert.StartsWith("text/plain", _server.LastRequest.Headers["Content-Type"]);

        await files.UploadFile("report.bin", new MemoryStream(Encoding.UTF8.GetBytes("bytes!")));
        Assert.Equal("application/octet-stream", _server.LastRequest.Headers["Content-Type"]);
        Assert.Equal("bytes!", _server.LastRequest.Body);

        await using var download = await files.DownloadFile("report.bin");
        using var reader = new StreamReader(download.Stream);
        Assert.Equal("file content", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task An_error_status_raises_ApiException_with_status_and_content()
    {
        var items = RestService.For<IItemsApi>(_httpClient);

        var exception = await Assert.ThrowsAsync<ApiException>(() => items.GetItem(4, "missing"));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("""{"error":"no such item"}""", exception.Content);
    }

    [Fact]
    public async Task A_server_error_raises_ApiException()
    {
        var items = RestService.For<IItemsApi>(_httpClient);

        var exception = await Assert.ThrowsAsync<ApiException>(() => items.DeleteItem(4, "boom"));

        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
    }

    [Fact]
    public async Task Settings_passed_by_the_caller_are_honoured()
    {
        var settings = new RefitSettings { ExceptionFactory = _ => new ValueTask<Exception?>(new InvalidOperationException("custom")) };
        var items = RestService.For<IItemsApi>(_httpClient, settings);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => items.GetItem(4, "1"));

        Assert.Equal("custom", exception.Message);
    }

    [Fact]
    public async Task Invalid_json_raises_ApiException_naming_the_deserialization()
    {
        var items = RestService.For<IItemsApi>(_httpClient);

        var exception = await Assert.ThrowsAsync<ApiException>(() => items.GetItem(4, "garbage"));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal("not json", exception.Content);
        Assert.NotNull(exception.InnerException);
    }

    [Fact]
    public async Task An_empty_success_answer_where_json_is_expected_raises_ApiException()
    {
        var items = RestService.For<IItemsApi>(_httpClient);

        var exception = await Assert.ThrowsAsync<ApiException>(() => items.GetItem(4, "empty"));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(exception.InnerException);
    }

    [Fact]
    public async Task A_large_unreadable_answer_is_streamed_and_the_exception_keeps_a_bounded_excerpt()
    {
        var items = RestService.For<IItemsApi>(_httpClient);

        var exception = await Assert.ThrowsAsync<ApiException>(() => items.GetItem(4, "huge"));

        Assert.Equal(16 * 1024, exception.Content!.Length);
        Assert.StartsWith("<html>", exception.Content);
    }

    [Fact]
    public async Task Api_response_mode_returns_status_and_content_without_throwing()
    {
        var status = RestService.For<Status.IStatusApi>(_httpClient);

        using var ok = await status.GetStatus(200);
        using var missing = await status.GetStatus(404);
        using var deleted = await status.DeleteStatus(204);

        Assert.True(ok.IsSuccessStatusCode);
        Assert.True(ok.Content!.Ok);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False(missing.IsSuccessStatusCode);
        Assert.IsType<ApiException>(missing.Error);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public void Internal_accessibility_is_applied()
    {
        Assert.False(typeof(Status.IStatusApi).IsPublic);
        Assert.True(typeof(IItemsApi).IsPublic);
    }

    private static async Task RespondAsync(RecordedRequest request, HttpContext context)
    {
        var path = request.Path;
        if (path.EndsWith("/missing", StringComparison.Ordinal))
        {
            await Json(context, 404, """{"error":"no such item"}""");
        }
        else if (path.EndsWith("/boom", StringComparison.Ordinal))
        {
            await Json(context, 500, """{"error":"boom"}""");
        }
        else if (path.EndsWith("/empty", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 200;
        }
        else if (path.EndsWith("/huge", StringComparison.Ordinal))
        {
            await Json(context, 200, "<html>" + new string('x', 100_000));
        }
        else if (path.EndsWith("/garbage", StringComparison.Ordinal))
        {
            await Json(context, 200, "not json");
        }
        else if (path.StartsWith("/api/v1/status/", StringComparison.Ordinal))
        {
            var code = int.Parse(path.Substring("/api/v1/status/".Length), System.Globalization.CultureInfo.InvariantCulture);
            await Json(context, code, code == 204 ? string.Empty : """{"ok":true}""");
        }
        else if (path == "/api/v1/sessions/login")
        {
            await Json(context, 200, """{"group_id":4}""");
        }
        else if (path == "/api/v1/notes")
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(request.Body);
        }
        else if (path.StartsWith("/api/v1/files/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = request.Method == "PUT" ? 204 : 200;
            if (request.Method == "GET")
            {
                context.Response.ContentType = "application/octet-stream";
                await context.Response.WriteAsync("file content");
            }
        }
        else if (request.Method is "DELETE" or "OPTIONS")
        {
            context.Response.StatusCode = 204;
        }
        else if (request.Method == "HEAD")
        {
            context.Response.StatusCode = 200;
        }
        else if (path.EndsWith("/items", StringComparison.Ordinal) && request.Method == "GET")
        {
            await Json(context, 200, "{\"records\":[" + ItemJson + "],\"totalRecords\":1}");
        }
        else
        {
            await Json(context, request.Method == "POST" ? 201 : 200, ItemJson);
        }
    }

    private static async Task Json(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        if (body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        }
    }
}
