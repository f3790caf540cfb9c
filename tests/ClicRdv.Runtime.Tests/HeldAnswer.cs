using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ClicRdv.Runtime.Tests;

/// <summary>
/// A server answer held open: it sends nothing, or the status, the headers and the start of a longer body, then holds
/// the rest until the client goes away or the test drops the connection. Its signals let a test act at a known point
/// of the exchange instead of after a delay.
/// </summary>
internal sealed class HeldAnswer
{
    /// <summary>How much longer than its start the body says it is: it never ends on its own.</summary>
    private const int UnsentBytes = 10_000;

    private readonly int? _status;
    private readonly byte[] _start;
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _abandoned = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _drop = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HeldAnswer(int? status, string start)
    {
        _status = status;
        _start = Encoding.UTF8.GetBytes(start);
    }

    /// <summary>The bytes of the body sent before the hold: once the client has read them, it is inside the body.</summary>
    public int StartBytes => _start.Length;

    /// <summary>Completes when the request has arrived.</summary>
    public Task Arrived => _arrived.Task;

    /// <summary>Completes when the client went away from the held request (it cancelled, timed out or closed the connection).</summary>
    public Task Abandoned => _abandoned.Task;

    /// <summary>Sends nothing: the client waits for the headers.</summary>
    public static HeldAnswer BeforeHeaders() => new(null, string.Empty);

    /// <summary>Sends <paramref name="status"/>, a JSON content type, a length it will not reach, and <paramref name="start"/>.</summary>
    public static HeldAnswer AfterBodyStart(int status, string start) => new(status, start);

    /// <summary>Ends the held answer by dropping its connection, as a server that crashes mid-body does.</summary>
    public void DropConnection() => _drop.TrySetResult();

    public async Task RespondAsync(HttpContext context)
    {
        _arrived.TrySetResult();
        if (_status is { } status)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = _start.Length + UnsentBytes;
            await context.Response.Body.WriteAsync(_start);
            await context.Response.Body.FlushAsync();
        }

        try
        {
            await _drop.Task.WaitAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            _abandoned.TrySetResult();
            return;
        }

        context.Abort();
    }
}
