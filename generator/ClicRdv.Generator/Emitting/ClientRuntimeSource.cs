namespace ClicRdv.Generator.Emitting;

/// <summary>
/// The helpers the generated clients call, written once into each document's clients file as file-local types so
/// that two documents, or two assemblies that see each other's internals, never clash. They use only Refit's public
/// runtime API (<c>RefitSettings</c>, its content serializer and exception factories, <c>ApiException</c>,
/// <c>ApiResponse&lt;T&gt;</c>), so a Refit upgrade within a major version cannot break them.
/// </summary>
internal static class ClientRuntimeSource
{
    public const string RuntimeClassName = "GeneratedClientRuntime";

    /// <summary><see cref="Text"/> cut into lines once, for every document to write.</summary>
    public static readonly string[] Lines = Text.Replace("\r\n", "\n").Split('\n');

    public const string Text = """
/// <summary>What a response carries, which decides how it is read.</summary>
file enum ResponseContent
{
    None,
    Json,
    Text,
    Stream,
}

/// <summary>
/// An answer's content read as a stream, keeping its first bytes: after a failed read they stand in for the consumed
/// body in the exception (a bounded excerpt), without buffering every answer. It also refuses an answer larger than
/// the client's <c>MaxResponseContentBufferSize</c>, which HttpClient itself enforces only on buffered reads.
/// </summary>
file sealed class ExcerptContent : global::System.Net.Http.HttpContent
{
    /// <summary>The most of a body an exception carries.</summary>
    public const int MaxExcerptBytes = 16 * 1024;

    private readonly global::System.Net.Http.HttpContent _inner;
    private readonly long _maxBytes;
    private byte[]? _excerpt = global::System.Buffers.ArrayPool<byte>.Shared.Rent(MaxExcerptBytes);
    private int _excerptLength;
    private long _totalBytes;

    public ExcerptContent(global::System.Net.Http.HttpContent inner, long maxBytes)
    {
        _inner = inner;
        _maxBytes = maxBytes;

        // Deserializers read the media type and charset only.
        Headers.ContentType = inner.Headers.ContentType;
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
    public void ReplaceContentOf(global::System.Net.Http.HttpResponseMessage response)
    {
        response.Content = WithBody(_inner, _excerpt ?? global::System.Array.Empty<byte>(), _excerptLength);
        _inner.Dispose();
    }

    /// <summary>
    /// Replaces a failed answer's content with its first bytes, read under the call's token, before anything reads it
    /// whole: an exception then carries a bounded excerpt however large the body, and a body that stalls or breaks off
    /// cannot hold the caller past the timeout. A body cut by the connection keeps what arrived.
    /// </summary>
    public static async global::System.Threading.Tasks.Task KeepExcerptAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken)
    {
        var original = response.Content;
        var excerpt = new byte[MaxExcerptBytes];
        var length = 0;
        try
        {
            using var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            while (length < excerpt.Length && (read = await stream.ReadAsync(new global::System.Memory<byte>(excerpt, length, excerpt.Length - length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }
        catch (global::System.Exception exception) when (exception is global::System.IO.IOException or global::System.Net.Http.HttpRequestException)
        {
        }

        response.Content = WithBody(original, excerpt, length);
        original.Dispose();
    }

    /// <summary>A copy of <paramref name="original"/>'s headers (its length aside) over the first bytes of <paramref name="body"/>.</summary>
    private static global::System.Net.Http.HttpContent WithBody(global::System.Net.Http.HttpContent original, byte[] body, int length)
    {
        var copy = new byte[length];
        global::System.Array.Copy(body, copy, length);
        var replacement = new global::System.Net.Http.ByteArrayContent(copy);
        foreach (var header in original.Headers)
        {
            if (!header.Key.Equals("Content-Length", global::System.StringComparison.OrdinalIgnoreCase))
            {
                replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return replacement;
    }

    private static global::System.Net.Http.HttpRequestException TooLarge(long maxBytes) => new(
        global::System.Net.Http.HttpRequestError.ConfigurationLimitExceeded,
        $"The response is larger than the client accepts: HttpClient.MaxResponseContentBufferSize is {maxBytes} bytes.");

    protected override async global::System.Threading.Tasks.Task<global::System.IO.Stream> CreateContentReadStreamAsync() =>
        new ExcerptStream(await _inner.ReadAsStreamAsync().ConfigureAwait(false), this);

    protected override async global::System.Threading.Tasks.Task<global::System.IO.Stream> CreateContentReadStreamAsync(global::System.Threading.CancellationToken cancellationToken) =>
        new ExcerptStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), this);

    protected override async global::System.Threading.Tasks.Task SerializeToStreamAsync(global::System.IO.Stream stream, global::System.Net.TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, global::System.Threading.CancellationToken.None).ConfigureAwait(false);

    protected override async global::System.Threading.Tasks.Task SerializeToStreamAsync(global::System.IO.Stream stream, global::System.Net.TransportContext? context, global::System.Threading.CancellationToken cancellationToken)
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
            global::System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    private void Keep(global::System.ReadOnlySpan<byte> read)
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

        var count = global::System.Math.Min(read.Length, MaxExcerptBytes - _excerptLength);
        read.Slice(0, count).CopyTo(new global::System.Span<byte>(_excerpt, _excerptLength, MaxExcerptBytes - _excerptLength));
        _excerptLength += count;
    }

    private sealed class ExcerptStream(global::System.IO.Stream inner, ExcerptContent owner) : global::System.IO.Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new global::System.NotSupportedException();

        public override long Position
        {
            get => throw new global::System.NotSupportedException();
            set => throw new global::System.NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            owner.Keep(new global::System.ReadOnlySpan<byte>(buffer, offset, read));
            return read;
        }

        public override async global::System.Threading.Tasks.ValueTask<int> ReadAsync(global::System.Memory<byte> buffer, global::System.Threading.CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            owner.Keep(buffer.Span.Slice(0, read));
            return read;
        }

        public override global::System.Threading.Tasks.Task<int> ReadAsync(byte[] buffer, int offset, int count, global::System.Threading.CancellationToken cancellationToken) =>
            ReadAsync(new global::System.Memory<byte>(buffer, offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, global::System.IO.SeekOrigin origin) => throw new global::System.NotSupportedException();

        public override void SetLength(long value) => throw new global::System.NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new global::System.NotSupportedException();

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

/// <summary>Builds URLs and sends requests for the generated clients.</summary>
file static class GeneratedClientRuntime
{
    private const string DeserializationFailed = "An error occurred deserializing the response.";

    /// <summary>A deadline that did not fire, kept for this thread's next call.</summary>
    [global::System.ThreadStatic]
    private static global::System.Threading.CancellationTokenSource? t_spareDeadline;

    public static global::System.Uri BuildUri(global::System.Net.Http.HttpClient client, string path, global::System.Text.StringBuilder? query)
    {
        var baseAddress = client.BaseAddress
            ?? throw new global::System.InvalidOperationException("The HttpClient has no BaseAddress. Set it to the API's root address (the document's server URL) before calling a generated client.");

        // As in Refit, the path is appended to the base address's path rather than replacing it.
        var relative = baseAddress.AbsolutePath.TrimEnd('/') + path + (query is null ? string.Empty : query.ToString());
        return new global::System.Uri(baseAddress, relative);
    }

    /// <summary>
    /// Escapes a path parameter so that it stays one segment: '/' is escaped, and "." or "..", which URL
    /// normalization would turn into a move up the path to another resource, are refused.
    /// </summary>
    public static string EscapePathSegment(string? value)
    {
        if (value is null)
        {
            throw new global::System.ArgumentNullException(nameof(value), "A path parameter cannot be null.");
        }

        if (value is "." or "..")
        {
            throw new global::System.ArgumentException($"A path parameter cannot be \"{value}\": it would address another resource.", nameof(value));
        }

        return global::System.Uri.EscapeDataString(value);
    }

    /// <summary>Appends <c>key=value</c> to a query; the key comes already escaped from the generator. Null values are left out.</summary>
    public static void AddQuery(ref global::System.Text.StringBuilder? query, string escapedKey, string? value)
    {
        if (value is null)
        {
            return;
        }

        query ??= new global::System.Text.StringBuilder();
        query.Append(query.Length == 0 ? '?' : '&').Append(escapedKey).Append('=').Append(global::System.Uri.EscapeDataString(value));
    }

    public static string Join<T>(string separator, global::System.Collections.Generic.IEnumerable<T> values, global::System.Func<T, string?> format)
    {
        var builder = new global::System.Text.StringBuilder();
        foreach (var value in values)
        {
            if (builder.Length > 0)
            {
                builder.Append(separator);
            }

            builder.Append(format(value));
        }

        return builder.ToString();
    }

    public static string Format(string value) => value;

    public static string Format(bool value) => value ? "true" : "false";

    public static string Format(int value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(float value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(double value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(decimal value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(global::System.DateTimeOffset value) => value.ToString("o", global::System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(global::System.DateOnly value) => value.ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(global::System.Guid value) => value.ToString("D");

    public static string Format(byte[] value) => global::System.Convert.ToBase64String(value);

    public static string Format(global::System.Text.Json.JsonElement value) =>
        value.ValueKind == global::System.Text.Json.JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>
    /// Sends a request and returns its content; a non-success answer raises the exception of
    /// <see cref="global::Refit.RefitSettings.ExceptionFactory"/> (an <see cref="global::Refit.ApiException"/> by default).
    /// </summary>
    public static global::System.Threading.Tasks.Task<T> SendAsync<T>(
        global::System.Net.Http.HttpClient client,
        global::System.Net.Http.HttpRequestMessage request,
        global::Refit.RefitSettings settings,
        ResponseContent content,
        global::System.Threading.CancellationToken cancellationToken) =>
        WithDeadlineAsync(client, (client, request, settings, content), static (call, token) => SendAndReadAsync<T>(call.client, call.request, call.settings, call.content, token), cancellationToken);

    /// <summary>Sends a request and returns the whole answer, success or not, without throwing for a non-success status.</summary>
    public static global::System.Threading.Tasks.Task<global::Refit.ApiResponse<T>> SendForApiResponseAsync<T>(
        global::System.Net.Http.HttpClient client,
        global::System.Net.Http.HttpRequestMessage request,
        global::Refit.RefitSettings settings,
        ResponseContent content,
        global::System.Threading.CancellationToken cancellationToken) =>
        WithDeadlineAsync(client, (client, request, settings, content), static (call, token) => SendAndReadForApiResponseAsync<T>(call.client, call.request, call.settings, call.content, token), cancellationToken);

    /// <summary>
    /// Runs a call under the client's Timeout, reading the answer included (HttpClient's own stops at the headers when
    /// the body is streamed); running out fails the way HttpClient's timeout does.
    /// </summary>
    private static async global::System.Threading.Tasks.Task<TResult> WithDeadlineAsync<TState, TResult>(
        global::System.Net.Http.HttpClient client,
        TState state,
        global::System.Func<TState, global::System.Threading.CancellationToken, global::System.Threading.Tasks.ValueTask<TResult>> call,
        global::System.Threading.CancellationToken cancellationToken)
    {
        var deadline = StartDeadline(client, cancellationToken);
        try
        {
            return await call(state, deadline?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (global::System.Exception exception) when (HasExpired(deadline, cancellationToken))
        {
            throw TimedOut(client, exception);
        }
        finally
        {
            EndDeadline(deadline, cancellationToken);
        }
    }

    private static async global::System.Threading.Tasks.ValueTask<T> SendAndReadAsync<T>(
        global::System.Net.Http.HttpClient client,
        global::System.Net.Http.HttpRequestMessage request,
        global::Refit.RefitSettings settings,
        ResponseContent content,
        global::System.Threading.CancellationToken cancellationToken)
    {
        var response = await SendAndCheckAsync(client, request, cancellationToken).ConfigureAwait(false);
        var keepResponse = false;
        try
        {
            var error = await settings.ExceptionFactory(response).ConfigureAwait(false);
            if (error is not null)
            {
                throw error;
            }

            T result;
            try
            {
                result = await ReadAsync<T>(client, response, settings, content, cancellationToken).ConfigureAwait(false);
            }
            catch (global::System.Exception exception) when (exception is not global::System.OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                var factory = settings.DeserializationExceptionFactory;
                var readError = factory is null
                    ? await global::Refit.ApiException.Create(ReadFailure(exception), request, request.Method, response, settings, exception).ConfigureAwait(false)
                    : await factory(response, exception).ConfigureAwait(false);
                if (readError is not null)
                {
                    throw readError;
                }

                return default!;
            }

            // A stream is read by the caller after this returns: the response must stay open until then.
            keepResponse = content == ResponseContent.Stream;
            return result;
        }
        finally
        {
            if (!keepResponse)
            {
                response.Dispose();
            }
        }
    }

    private static async global::System.Threading.Tasks.ValueTask<global::Refit.ApiResponse<T>> SendAndReadForApiResponseAsync<T>(
        global::System.Net.Http.HttpClient client,
        global::System.Net.Http.HttpRequestMessage request,
        global::Refit.RefitSettings settings,
        ResponseContent content,
        global::System.Threading.CancellationToken cancellationToken)
    {
        var response = await SendAndCheckAsync(client, request, cancellationToken).ConfigureAwait(false);
        var error = await settings.ExceptionFactory(response).ConfigureAwait(false);
        if (error is not null)
        {
            var apiError = error as global::Refit.ApiExceptionBase
                ?? await global::Refit.ApiException.Create(request, request.Method, response, settings, error).ConfigureAwait(false);
            return new global::Refit.ApiResponse<T>(response, default!, settings, apiError);
        }

        try
        {
            var result = await ReadAsync<T>(client, response, settings, content, cancellationToken).ConfigureAwait(false);
            return new global::Refit.ApiResponse<T>(response, result, settings);
        }
        catch (global::System.Exception exception) when (exception is not global::System.OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var apiError = await global::Refit.ApiException.Create(ReadFailure(exception), request, request.Method, response, settings, exception).ConfigureAwait(false);
            return new global::Refit.ApiResponse<T>(response, default!, settings, apiError);
        }
    }

    /// <summary>Sends the request; a failed answer's body is cut to an excerpt before an exception factory reads it whole.</summary>
    private static async global::System.Threading.Tasks.ValueTask<global::System.Net.Http.HttpResponseMessage> SendAndCheckAsync(
        global::System.Net.Http.HttpClient client,
        global::System.Net.Http.HttpRequestMessage request,
        global::System.Threading.CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            try
            {
                await ExcerptContent.KeepExcerptAsync(response, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        return response;
    }

    /// <summary>A token that fires after the client's Timeout, as HttpClient's own JSON helpers use; null when the client has no timeout.</summary>
    private static global::System.Threading.CancellationTokenSource? StartDeadline(global::System.Net.Http.HttpClient client, global::System.Threading.CancellationToken cancellationToken)
    {
        if (client.Timeout == global::System.Threading.Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        global::System.Threading.CancellationTokenSource deadline;
        if (cancellationToken.CanBeCanceled)
        {
            deadline = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }
        else
        {
            deadline = t_spareDeadline ?? new global::System.Threading.CancellationTokenSource();
            t_spareDeadline = null;
        }

        deadline.CancelAfter(client.Timeout);
        return deadline;
    }

    /// <summary>
    /// Stops the deadline's timer. An unlinked deadline that did not fire is kept for the thread's next call, timer
    /// included (TryReset also drops any registration left on it), which keeps the timeout from costing allocations.
    /// </summary>
    private static void EndDeadline(global::System.Threading.CancellationTokenSource? deadline, global::System.Threading.CancellationToken cancellationToken)
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

    private static bool HasExpired(global::System.Threading.CancellationTokenSource? deadline, global::System.Threading.CancellationToken cancellationToken) =>
        deadline is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested;

    /// <summary>The exception HttpClient throws when its Timeout elapses, so that one catch handles both.</summary>
    private static global::System.Threading.Tasks.TaskCanceledException TimedOut(global::System.Net.Http.HttpClient client, global::System.Exception exception)
    {
        var message = $"The request was canceled due to the configured HttpClient.Timeout of {client.Timeout.TotalSeconds.ToString(global::System.Globalization.CultureInfo.InvariantCulture)} seconds elapsing.";
        return new global::System.Threading.Tasks.TaskCanceledException(message, new global::System.TimeoutException(message, exception));
    }

    private static string ReadFailure(global::System.Exception exception) =>
        exception is global::System.Net.Http.HttpRequestException or global::System.IO.IOException ? "The response could not be read: " + exception.Message : DeserializationFailed;

    private static async global::System.Threading.Tasks.ValueTask<T> ReadAsync<T>(
        global::System.Net.Http.HttpClient client,
        global::System.Net.Http.HttpResponseMessage response,
        global::Refit.RefitSettings settings,
        ResponseContent content,
        global::System.Threading.CancellationToken cancellationToken)
    {
        switch (content)
        {
            case ResponseContent.Json or ResponseContent.Text:
                // 204 has no content by definition; an empty body on another success is an error, not a silent null.
                if (content == ResponseContent.Json && response.StatusCode == global::System.Net.HttpStatusCode.NoContent)
                {
                    return default!;
                }

                // The answer is read as it streams in; its start is kept, so that an error can still show it.
                var excerpt = new ExcerptContent(response.Content, client.MaxResponseContentBufferSize);
                try
                {
                    excerpt.EnsureAnnouncedLengthFits();
                    return content == ResponseContent.Json
                        ? (await settings.ContentSerializer.FromHttpContentAsync<T>(excerpt, cancellationToken).ConfigureAwait(false))!
                        : (T)(object)await excerpt.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (global::System.Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    excerpt.ReplaceContentOf(response);
                    throw;
                }
                finally
                {
                    excerpt.Dispose();
                }
            case ResponseContent.Stream:
                return (T)(object)await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            default:
                return default!;
        }
    }
}
""";
}
