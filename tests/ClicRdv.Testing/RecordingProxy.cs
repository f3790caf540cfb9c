using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ClicRdv.Testing;

/// <summary>
/// A proxy on 127.0.0.1 in front of a server: it forwards every request as it came and keeps a copy of every answer,
/// for a program whose HTTP client a test cannot reach (such as a sample, run as a process of its own).
/// </summary>
public sealed class RecordingProxy : IAsyncDisposable
{
    /// <summary>Headers that belong to one connection, not to the message: each side writes its own.</summary>
    private static readonly string[] ConnectionHeaders = { "Connection", "Keep-Alive", "Transfer-Encoding", "Host", "Content-Length" };

    private readonly HttpClient _forward;
    private RecordingServer _server = null!;

    private RecordingProxy(Uri target) => _forward = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = target };

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Every answer the server gave through the proxy, in order.</summary>
    public ConcurrentQueue<HttpAnswer> Answers { get; } = new();

    public static async Task<RecordingProxy> StartAsync(Uri target)
    {
        var proxy = new RecordingProxy(target);
        proxy._server = await RecordingServer.StartAsync(proxy.ForwardAsync);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _forward.Dispose();
    }

    private async Task ForwardAsync(RecordedRequest request, HttpContext context)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path + request.RawQuery);
        if (request.Body.Length > 0)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
        }

        foreach (var header in request.Headers.Where(header => !ConnectionHeaders.Contains(header.Key, StringComparer.OrdinalIgnoreCase)))
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        using var response = await _forward.SendAsync(message, context.RequestAborted);
        var answer = await HttpAnswer.ReadAsync(response, context.RequestAborted);
        Answers.Enqueue(answer);
        context.Response.StatusCode = answer.Status;
        foreach (var header in response.Headers.Concat(response.Content.Headers).Where(header => !ConnectionHeaders.Contains(header.Key, StringComparer.OrdinalIgnoreCase)))
        {
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        await context.Response.Body.WriteAsync(await response.Content.ReadAsByteArrayAsync(context.RequestAborted), context.RequestAborted);
    }
}
