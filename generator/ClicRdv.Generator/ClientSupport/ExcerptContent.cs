namespace ClicRdv.Generated.Support;

using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// An answer's content read as a stream, keeping its first bytes: after a failed read they stand in for the consumed
/// body in the exception (a bounded excerpt), without buffering every answer. It also refuses an answer larger than
/// the client's <c>MaxResponseContentBufferSize</c>, which HttpClient itself enforces only on buffered reads.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal sealed class ExcerptContent : HttpContent
{
    /// <summary>The most of a body an exception carries.</summary>
    public const int MaxExcerptBytes = 16 * 1024;

    private readonly HttpContent _inner;
    private readonly long _maxBytes;
    private byte[]? _excerpt = ArrayPool<byte>.Shared.Rent(MaxExcerptBytes);
    private int _excerptLength;
    private long _totalBytes;

    /// <param name="inner">The answer's content.</param>
    /// <param name="maxBytes">The most of it that may be read.</param>
    /// <param name="withHeaders">
    /// Whether the excerpt is handed to a deserializer as content, which reads its media type and charset; a reader of
    /// its stream alone needs no copy of them.
    /// </param>
    public ExcerptContent(HttpContent inner, long maxBytes, bool withHeaders)
    {
        _inner = inner;
        _maxBytes = maxBytes;
        if (withHeaders)
        {
            Headers.ContentType = inner.Headers.ContentType;
        }
    }

    /// <summary>Refuses, before reading anything, an answer whose announced length is over the limit.</summary>
    public void EnsureAnnouncedLengthFits()
    {
        if (_inner.Headers.ContentLength > _maxBytes)
        {
            throw TooLarge(_maxBytes);
        }
    }

    /// <summary>Puts the excerpt (copied, with the original headers) in place of the consumed content, and lets the original go.</summary>
    public void ReplaceContentOf(HttpResponseMessage response)
    {
        response.Content = WithBody(_inner, _excerpt ?? Array.Empty<byte>(), _excerptLength);
        _inner.Dispose();
    }

    /// <summary>
    /// Replaces a failed answer's content with its first bytes, read under the call's token, before anything reads it
    /// whole: an exception then carries a bounded excerpt however large the body, and a body that stalls or breaks off
    /// cannot hold the caller past the timeout. A body cut by the connection keeps what arrived.
    /// </summary>
    public static async Task KeepExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var excerpt = new byte[MaxExcerptBytes];
        var length = 0;
        try
        {
            using var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            while (length < excerpt.Length && (read = await stream.ReadAsync(new Memory<byte>(excerpt, length, excerpt.Length - length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
        }

        response.Content = WithBody(original, excerpt, length);
        original.Dispose();
    }

    /// <summary>A copy of <paramref name="original"/>'s headers (its length aside) over the first bytes of <paramref name="body"/>.</summary>
    private static ByteArrayContent WithBody(HttpContent original, byte[] body, int length)
    {
        var copy = new byte[length];
        Array.Copy(body, copy, length);
        var replacement = new ByteArrayContent(copy);
        foreach (var header in original.Headers)
        {
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return replacement;
    }

    private static HttpRequestException TooLarge(long maxBytes) => new(
        HttpRequestError.ConfigurationLimitExceeded,
        $"The response is larger than the client accepts: HttpClient.MaxResponseContentBufferSize is {maxBytes} bytes.");

    protected override async Task<Stream> CreateContentReadStreamAsync() =>
        new ExcerptStream(await _inner.ReadAsStreamAsync().ConfigureAwait(false), this);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new ExcerptStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), this);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    /// <summary>Gives the excerpt's buffer back to the pool; the content keeps nothing after that.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && _excerpt is { } buffer)
        {
            _excerpt = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    private void Keep(ReadOnlySpan<byte> read)
    {
        _totalBytes += read.Length;
        if (_totalBytes > _maxBytes)
        {
            throw TooLarge(_maxBytes);
        }

        if (_excerpt is null)
        {
            return;
        }

        var count = Math.Min(read.Length, MaxExcerptBytes - _excerptLength);
        read.Slice(0, count).CopyTo(new Span<byte>(_excerpt, _excerptLength, MaxExcerptBytes - _excerptLength));
        _excerptLength += count;
    }

    private sealed class ExcerptStream(Stream inner, ExcerptContent owner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            owner.Keep(new ReadOnlySpan<byte>(buffer, offset, read));
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            owner.Keep(buffer.Span.Slice(0, read));
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(new Memory<byte>(buffer, offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
