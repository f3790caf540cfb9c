using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClicRdv.Runtime;

namespace ClicRdv.Runtime.Tests;

/// <summary>
/// The runtime's socket handler, counting the bytes of answer bodies the client reads: what a test asserts to show
/// that a client stopped reading a body it had no use for, and what it waits for to act while a body is being read.
/// </summary>
internal sealed class ReadCountingTransport : DelegatingHandler
{
    private readonly List<(long Bytes, TaskCompletionSource Reached)> _waiters = new();
    private long _bytesRead;

    public ReadCountingTransport()
        : base(ClicRdvHandlers.CreateTransport())
    {
    }

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>
    /// Completes once the client has read at least <paramref name="bytes"/> bytes of answer bodies: the bytes the server
    /// sent have arrived, and the client is inside the body, not waiting for the headers.
    /// </summary>
    public Task WhenBytesRead(long bytes)
    {
        lock (_waiters)
        {
            if (BytesRead >= bytes)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((bytes, reached));
            return reached.Task;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        response.Content = new CountingContent(response.Content, this);
        return response;
    }

    private void Add(int read)
    {
        var total = Interlocked.Add(ref _bytesRead, read);
        lock (_waiters)
        {
            foreach (var waiter in _waiters.FindAll(waiter => waiter.Bytes <= total))
            {
                waiter.Reached.SetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    private sealed class CountingContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly ReadCountingTransport _owner;

        public CountingContent(HttpContent inner, ReadCountingTransport owner)
        {
            _inner = inner;
            _owner = owner;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new CountingStream(await _inner.ReadAsStreamAsync(cancellationToken), _owner);

        protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            using var source = await CreateContentReadStreamAsync();
            await source.CopyToAsync(stream);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class CountingStream(Stream inner, ReadCountingTransport owner) : Stream
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

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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

        private int Count(int read)
        {
            owner.Add(read);
            return read;
        }
    }
}
