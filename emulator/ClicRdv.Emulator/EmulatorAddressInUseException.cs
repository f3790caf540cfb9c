using System;
using System.IO;

namespace ClicRdv.Emulator;

/// <summary>The emulator could not start: something else already listens on its address.</summary>
public sealed class EmulatorAddressInUseException : IOException
{
    /// <summary>Creates the exception for <paramref name="url"/>.</summary>
    public EmulatorAddressInUseException(string url, Exception innerException)
        : base($"The ClicRDV emulator cannot listen on {url}: the address is in use. Stop what uses it, or choose another one (--urls http://127.0.0.1:5081).", innerException)
    {
        Url = url;
    }

    /// <summary>The address asked for.</summary>
    public string Url { get; }
}
