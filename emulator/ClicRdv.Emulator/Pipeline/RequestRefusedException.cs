using System;

namespace ClicRdv.Emulator.Pipeline;

/// <summary>
/// A request a handler finds it cannot carry out as asked (a value past a bound the validator does not see); the
/// pipeline answers 400 with the message. Thrown before anything is changed.
/// </summary>
internal sealed class RequestRefusedException : Exception
{
    public RequestRefusedException(string message)
        : base(message)
    {
    }
}
