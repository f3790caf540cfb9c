using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ClicRdv.Runtime;

/// <summary>
/// Keeps a request body for the one replay a rejected session causes, within a bound: a body of at most the bound is
/// held in memory and can be sent twice; a larger one (a file upload, say) streams as it came, read once, and its
/// request is not replayed. Either way the request's content is replaced by one that owns (and disposes) the caller's.
/// </summary>
internal static class ReplayableBody
{
    /// <summary>Replaces <paramref name="request"/>'s content by a bounded copy; returns whether it can be sent again.</summary>
    public static async Task<bool> PrepareAsync(HttpRequestMessage request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.Content is not { } original)
        {
            return true;
        }

        if (original.Headers.ContentLength > maxBytes)
        {
            return false;
        }

        var source = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var prefix = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024); // every request with a body comes through here
        try
        {
            int read;
            while (prefix.Length <= maxBytes && (read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, maxBytes + 1 - prefix.Length)), cancellationToken).ConfigureAwait(false)) > 0)
            {
                prefix.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var replayable = prefix.Length <= maxBytes;
        prefix.Position = 0;
        request.Content = new BoundedContent(original, prefix, replayable ? null : source);
        return replayable;
    }

    /// <summary>The bytes read so far, then (for a body over the bound) the rest of the caller's stream, with the caller's headers.</summary>
    private sealed class BoundedContent : HttpContent
    {
        private readonly HttpContent _original;
        private readonly MemoryStream _prefix;
        private readonly Stream? _rest;

        public BoundedContent(HttpContent original, MemoryStream prefix, Stream? rest)
        {
            _original = original;
            _prefix = prefix;
            _rest = rest;
            foreach (var header in original.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(_prefix.GetBuffer().AsMemory(0, (int)_prefix.Length), cancellationToken).ConfigureAwait(false);
            if (_rest is not null)
            {
                await _rest.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = _prefix.Length;
            return _rest is null;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _original.Dispose();
                _prefix.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
