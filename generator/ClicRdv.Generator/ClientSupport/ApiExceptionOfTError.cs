namespace ClicRdv.Generated;

using Refit;

/// <summary>
/// A non-success answer whose body the document describes: <see cref="Error"/> is that body read as the contract the
/// document declares for the answer's status. It is an <see cref="ApiException"/>, so <c>catch (ApiException)</c> still
/// catches it, and <see cref="ApiException.Content"/> still holds the body as it came (its first 16 KiB).
/// </summary>
/// <typeparam name="TError">The contract of the error answer.</typeparam>
/// <example><code>
/// catch (ApiException&lt;BookingError&gt; refused) when (refused.Error.Code == BookingErrorCode.NotAvailable) { ... }
/// </code></example>
[global::Microsoft.CodeAnalysis.Embedded]
internal sealed class ApiException<TError> : ApiException
{
    /// <summary>The exception <paramref name="answer"/> with its body read as <paramref name="error"/>.</summary>
    /// <param name="answer">The exception Refit made of the answer: its status, headers, body and request are kept.</param>
    /// <param name="error">The body, read as the document's contract.</param>
    internal ApiException(ApiException answer, TError error)
        : base(answer.Message, answer.RequestMessage, answer.HttpMethod, answer.Content, answer.StatusCode, answer.ReasonPhrase, answer.Headers, answer.RefitSettings, answer.InnerException)
    {
        ContentHeaders = answer.ContentHeaders;
        RequestContent = answer.RequestContent;
        Error = error;
    }

    /// <summary>The answer's body, read as the contract the document declares for its status.</summary>
    public TError Error { get; }
}
