namespace ClicRdv.Generated.Support;

using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// Runs a call under its client's <see cref="HttpClient.Timeout"/>, reading the answer included: HttpClient's own
/// timeout stops at the headers when the body is streamed. Running out fails the way HttpClient's timeout does.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class CallDeadline
{
    /// <summary>A deadline that did not fire, kept for this thread's next call.</summary>
    [ThreadStatic]
    private static CancellationTokenSource? t_spareDeadline;

    public static async Task<TResult> RunAsync<TState, TResult>(
        HttpClient client,
        TState state,
        Func<TState, CancellationToken, ValueTask<TResult>> call,
        CancellationToken cancellationToken)
    {
        var deadline = Start(client, cancellationToken);
        try
        {
            return await call(state, deadline?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (HasExpired(deadline, cancellationToken))
        {
            throw TimedOut(client, exception);
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested && exception.CancellationToken != cancellationToken)
        {
            // The caller's cancellation names the caller's token, as HttpClient's does, not the deadline linked to it.
            throw new TaskCanceledException(exception.Message, exception, cancellationToken);
        }
        finally
        {
            End(deadline, cancellationToken);
        }
    }

    /// <summary>A token that fires after the client's Timeout, as HttpClient's own JSON helpers use; null when the client has no timeout.</summary>
    private static CancellationTokenSource? Start(HttpClient client, CancellationToken cancellationToken)
    {
        if (client.Timeout == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        CancellationTokenSource deadline;
        if (cancellationToken.CanBeCanceled)
        {
            deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }
        else
        {
            deadline = t_spareDeadline ?? new CancellationTokenSource();
            t_spareDeadline = null;
        }

        deadline.CancelAfter(client.Timeout);
        return deadline;
    }

    /// <summary>
    /// Stops the deadline's timer. An unlinked deadline that did not fire is kept for the thread's next call, timer
    /// included (TryReset also drops any registration left on it), which keeps the timeout from costing allocations.
    /// </summary>
    private static void End(CancellationTokenSource? deadline, CancellationToken cancellationToken)
    {
        if (deadline is null)
        {
            return;
        }

        if (!cancellationToken.CanBeCanceled && t_spareDeadline is null && deadline.TryReset())
        {
            t_spareDeadline = deadline;
            return;
        }

        deadline.Dispose();
    }

    private static bool HasExpired(CancellationTokenSource? deadline, CancellationToken cancellationToken) =>
        deadline is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested;

    /// <summary>The exception HttpClient throws when its Timeout elapses, so that one catch handles both.</summary>
    private static TaskCanceledException TimedOut(HttpClient client, Exception exception)
    {
        var message = $"The request was canceled due to the configured HttpClient.Timeout of {client.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds elapsing.";
        return new TaskCanceledException(message, new TimeoutException(message, exception));
    }
}
