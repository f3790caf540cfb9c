using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ClicRdv.Emulator.Pipeline;

/// <summary>A request body as text, or why it cannot be one: larger than the bound, cut short or malformed, or not UTF-8.</summary>
internal sealed record RequestBody(string Text, string? Problem)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads at most <see cref="RequestBounds.MaxBodyBytes"/>: a larger body is refused without being held in memory.</summary>
    public static async Task<RequestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > RequestBounds.MaxBodyBytes)
        {
            return TooLarge();
        }

        using var content = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (content.Length + read > RequestBounds.MaxBodyBytes)
                {
                    return TooLarge();
                }

                content.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception)
        {
            return new RequestBody(string.Empty, "the body could not be read: " + exception.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        try
        {
            return new RequestBody(StrictUtf8.GetString(content.GetBuffer(), 0, (int)content.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return new RequestBody(string.Empty, "the body is not UTF-8 text");
        }
    }

    private static RequestBody TooLarge() => new(string.Empty, $"the body is larger than {RequestBounds.MaxBodyBytes} bytes");
}
