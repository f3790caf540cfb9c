using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClicRdv.Testing;

/// <summary>A request as the server received it.</summary>
public sealed record RecordedRequest(string Method, string Path, string RawQuery, IReadOnlyDictionary<string, string> Headers, IReadOnlyList<KeyValuePair<string, string>> Query, string Body);

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port. It records every request and answers with whatever the
/// test's responder returns, and counts the connections clients open to it.
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private WebApplication _app = null!;
    private int _openConnections;
    private int _acceptedConnections;

    private RecordingServer()
    {
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The connections open right now.</summary>
    public int OpenConnections => Volatile.Read(ref _openConnections);

    /// <summary>Every connection accepted since the start.</summary>
    public int AcceptedConnections => Volatile.Read(ref _acceptedConnections);

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public RecordedRequest LastRequest => _requests.Last();

    public static async Task<RecordingServer> StartAsync(Func<RecordedRequest, HttpContext, Task> respond)
    {
        var server = new RecordingServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => async connection =>
        {
            Interlocked.Increment(ref server._acceptedConnections);
            Interlocked.Increment(ref server._openConnections);
            try
            {
                await next(connection);
            }
            finally
            {
                Interlocked.Decrement(ref server._openConnections);
            }
        })));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        server._app = app;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var recorded = new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                context.Request.Query.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? string.Empty))).ToList(),
                body);
            server._requests.Enqueue(recorded);
            await respond(recorded, context);
        });
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>A server that answers every request with <paramref name="json"/> and <paramref name="statusCode"/>.</summary>
    public static Task<RecordingServer> AnsweringAsync(string json, int statusCode = StatusCodes.Status200OK) =>
        StartAsync((_, context) => WriteJsonAsync(context, json, statusCode));

    /// <summary>
    /// A server that answers a request for one of the paths of <paramref name="answers"/> with its JSON, whatever the
    /// method and the body, and any other request with 404 and no content.
    /// </summary>
    public static Task<RecordingServer> AnsweringByPathAsync(IReadOnlyDictionary<string, string> answers) => StartAsync((request, context) =>
    {
        if (answers.TryGetValue(request.Path, out var json))
        {
            return WriteJsonAsync(context, json, StatusCodes.Status200OK);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    });

    private static Task WriteJsonAsync(HttpContext context, string json, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
