using System;
using System.Net;

namespace ClicRdv.Runtime;

/// <summary>A login failed: wrong credentials, a refused apikey, or an answer without a session.</summary>
/// <remarks>The message carries the status and the server's words, never the password or its hash.</remarks>
public sealed class ClicRdvAuthenticationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClicRdvAuthenticationException(string message, HttpStatusCode? statusCode, string? serverMessage, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ServerMessage = serverMessage;
    }

    /// <summary>The status of the login answer, if one came.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>What the server said (a bounded excerpt of its answer), if anything.</summary>
    public string? ServerMessage { get; }
}

/// <summary>Credentials were about to be sent over plain HTTP to a host other than loopback.</summary>
public sealed class ClicRdvInsecureTransportException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ClicRdvInsecureTransportException(string message)
        : base(message)
    {
    }
}
