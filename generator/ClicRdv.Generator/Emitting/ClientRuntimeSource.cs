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
/// An answer's content read as a stream, keeping its first bytes: after a failed deserialization they stand in for the
/// consumed body in the exception (a bounded excerpt), without buffering every answer.
/// </summary>
file sealed class ExcerptContent : global::System.Net.Http.HttpContent
{
    private const int MaxExcerptBytes = 4096;

    private readonly global::System.Net.Http.HttpContent _inner;
    private byte[]? _excerpt = global::System.Buffers.ArrayPool<byte>.Shared.Rent(MaxExcerptBytes);
    private int _excerptLength;

    public ExcerptContent(global::System.Net.Http.HttpContent inner)
    {
        _inner = inner;

        // Deserializers read the media type and charset only.
        Headers.ContentType = inner.Headers.ContentType;
    }

    /// <summary>A replacement for the consumed content: the excerpt (copied), with the original headers.</summary>
    public global::System.Net.Http.HttpContent ToExcerptContent()
    {
        var copy = new byte[_excerptLength];
        global::System.Array.Copy(_excerpt ?? global::System.Array.Empty<byte>(), copy, _excerptLength);
        var replacement = new global::System.Net.Http.ByteArrayContent(copy);
        foreach (var header in _inner.Headers)
        {
            if (!header.Key.Equals("Content-Length", global::System.StringComparison.OrdinalIgnoreCase))
            {
                replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return replacement;
    }

    protected override async global::System.Threading.Tasks.Task<global::System.IO.Stream> CreateContentReadStreamAsync() =>
        new ExcerptStream(await _inner.ReadAsStreamAsync().ConfigureAwait(false), this);

    protected override async global::System.Threading.Tasks.Task<global::System.IO.Stream> CreateContentReadStreamAsync(global::System.Threading.CancellationToken cancellationToken) =>
        new ExcerptStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), this);

    protected override global::System.Threading.Tasks.Task SerializeToStreamAsync(global::System.IO.Stream stream, global::System.Net.TransportContext? context) =>
        _inner.CopyToAsync(stream);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    /// <summary>Gives the excerpt's buffer back to the pool; the content keeps nothing after that.</summary>
    public void Release()
    {
        if (_excerpt is { } buffer)
        {
            _excerpt = null;
            global::System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Keep(global::System.ReadOnlySpan<byte> read)
    {
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

    /// <summary>Sends a request and returns its content; a non-success answer raises the exception of <see cref="global::Refit.RefitSettings.ExceptionFactory"/> (an <see cref="global::Refit.ApiException"/> by default).</summary>
    public static async global::System.Threading.Tasks.Task<T> SendAsync<T>(
        global::System.Net.Http.HttpClient client,
        global::System.Net.Http.HttpRequestMessage request,
        global::Refit.RefitSettings settings,
        ResponseContent content,
        global::System.Threading.CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
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
                result = await ReadAsync<T>(response, settings, content, cancellationToken).ConfigureAwait(false);
            }
            catch (global::System.Exception exception) when (exception is not global::System.OperationCanceledException)
            {
                var factory = settings.DeserializationExceptionFactory;
                var deserializationError = factory is null
                    ? await global::Refit.ApiException.Create(DeserializationFailed, request, request.Method, response, settings, exception).ConfigureAwait(false)
                    : await factory(response, exception).ConfigureAwait(false);
                if (deserializationError is not null)
                {
                    throw deserializationError;
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

    /// <summary>Sends a request and returns the whole answer, success or not, without throwing for a non-success status.</summary>
    public static async global::System.Threading.Tasks.Task<global::Refit.ApiResponse<T>> SendForApiResponseAsync<T>(
        global::System.Net.Http.HttpClient client,
        global::System.Net.Http.HttpRequestMessage request,
        global::Refit.RefitSettings settings,
        ResponseContent content,
        global::System.Threading.CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var error = await settings.ExceptionFactory(response).ConfigureAwait(false);
        if (error is not null)
        {
            var apiError = error as global::Refit.ApiExceptionBase
                ?? await global::Refit.ApiException.Create(request, request.Method, response, settings, error).ConfigureAwait(false);
            return new global::Refit.ApiResponse<T>(response, default!, settings, apiError);
        }

        try
        {
            var result = await ReadAsync<T>(response, settings, content, cancellationToken).ConfigureAwait(false);
            return new global::Refit.ApiResponse<T>(response, result, settings);
        }
        catch (global::System.Exception exception) when (exception is not global::System.OperationCanceledException)
        {
            var apiError = await global::Refit.ApiException.Create(DeserializationFailed, request, request.Method, response, settings, exception).ConfigureAwait(false);
            return new global::Refit.ApiResponse<T>(response, default!, settings, apiError);
        }
    }

    private static async global::System.Threading.Tasks.Task<T> ReadAsync<T>(
        global::System.Net.Http.HttpResponseMessage response,
        global::Refit.RefitSettings settings,
        ResponseContent content,
        global::System.Threading.CancellationToken cancellationToken)
    {
        switch (content)
        {
            case ResponseContent.Json:
                // 204 has no content by definition; an empty body on another success is an error, not a silent null.
                if (response.StatusCode == global::System.Net.HttpStatusCode.NoContent)
                {
                    return default!;
                }

                // The answer is deserialized as it streams in; its start is kept, so that an error can still show it.
                var excerpt = new ExcerptContent(response.Content);
                try
                {
                    return (await settings.ContentSerializer.FromHttpContentAsync<T>(excerpt, cancellationToken).ConfigureAwait(false))!;
                }
                catch (global::System.Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    response.Content = excerpt.ToExcerptContent();
                    throw;
                }
                finally
                {
                    excerpt.Release();
                }
            case ResponseContent.Text:
                return (T)(object)await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            case ResponseContent.Stream:
                return (T)(object)await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            default:
                return default!;
        }
    }
}
""";
}
