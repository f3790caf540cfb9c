using System;
using System.Threading;
using System.Threading.Tasks;

namespace ClicRdv.Emulator.Tests;

/// <summary>
/// A point that a known number of concurrent workers must all reach: the last to arrive runs an action while the
/// others wait, then all go on. Unlike <see cref="Barrier"/>, waiting holds no thread, so fifty workers can wait on a
/// machine with two cores.
/// </summary>
internal sealed class MeetingPoint(int workers, Action atMeeting)
{
    private readonly TaskCompletionSource _met = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    /// <summary>Arrives at the point; completes once every worker has arrived and the action has run.</summary>
    public Task ArriveAsync()
    {
        if (Interlocked.Increment(ref _arrived) == workers)
        {
            try
            {
                atMeeting();
                _met.SetResult();
            }
            catch (Exception exception)
            {
                _met.SetException(exception);
            }
        }

        return _met.Task;
    }
}
