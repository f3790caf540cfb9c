namespace ClicRdv.Generated.Support;

using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Refit;

/// <summary>
/// Sends the requests of the generated clients and reads their answers. It uses only Refit's public runtime API
/// (<see cref="RefitSettings"/>, its content serializer and exception factories, <see cref="ApiException"/>,
/// <see cref="ApiResponse{T}"/>), so a Refit upgrade within a major version cannot break it. JSON is read and written
/// with the document's metadata (<see cref="JsonTypeInfo{T}"/>) unless the caller gave a content serializer of their own,
/// which then does both.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class ClientRuntime
{
    private const string DeserializationFailed = "An error occurred deserializing the response.";

    /// <summary>A request body as JSON: through the document's metadata, or through the caller's own serializer when <paramref name="json"/> is null.</summary>
    public static HttpContent JsonBody<T>(T value, JsonTypeInfo<T>? json, RefitSettings settings) =>
        json is null ? settings.ContentSerializer.ToHttpContent(value) : JsonContent.Create(value, json);

    /// <summary>
    /// Sets <c>Authorization: Bearer</c> from <see cref="RefitSettings.AuthorizationHeaderValueGetter"/>, as Refit does for
    /// a method declared with that header; nothing when the settings have no getter.
    /// </summary>
    public static ValueTask AuthorizeAsync(HttpRequestMessage request, RefitSettings settings, CancellationToken cancellationToken) =>
        settings.AuthorizationHeaderValueGetter is { } getter ? AuthorizeWithAsync(request, getter, cancellationToken) : default;

    /// <summary>
    /// Sends a request and returns its content; a non-success answer raises the exception of
    /// <see cref="RefitSettings.ExceptionFactory"/> (an <see cref="ApiException"/> by default, typed by the contract
    /// <paramref name="errors"/> gives for its status: <see cref="ErrorContract.TypeAsync"/>). With an
    /// <paramref name="envelope"/>, the content is the one record that member of the answer holds (<see cref="EnvelopeRecord"/>).
    /// A binary answer (<see cref="ResponseContent.Stream"/>) is what <paramref name="file"/> makes of the answer and its stream.
    /// </summary>
    public static Task<T> SendAsync<T>(HttpClient client, HttpRequestMessage request, RefitSettings settings, ResponseContent content, JsonTypeInfo<T>? json, CancellationToken cancellationToken, string? envelope = null, Func<HttpResponseMessage, Stream, T>? file = null, ErrorTable? errors = null, JsonSerializerContext? errorJson = null) =>
        CallDeadline.RunAsync(client, new Call<T>(client, request, settings, content, json, envelope, file, errors, errorJson), static (call, token) => SendAndReadAsync(call, token), cancellationToken);

    /// <summary>
    /// Sends a request and returns the whole answer, success or not, without throwing for a non-success status; its
    /// error is typed as <see cref="SendAsync{T}"/> types the exception it throws.
    /// </summary>
    public static Task<ApiResponse<T>> SendForApiResponseAsync<T>(HttpClient client, HttpRequestMessage request, RefitSettings settings, ResponseContent content, JsonTypeInfo<T>? json, CancellationToken cancellationToken, string? envelope = null, Func<HttpResponseMessage, Stream, T>? file = null, ErrorTable? errors = null, JsonSerializerContext? errorJson = null) =>
        CallDeadline.RunAsync(client, new Call<T>(client, request, settings, content, json, envelope, file, errors, errorJson), static (call, token) => SendAndReadForApiResponseAsync(call, token), cancellationToken);

    private static async ValueTask AuthorizeWithAsync(HttpRequestMessage request, Func<HttpRequestMessage, CancellationToken, ValueTask<string>> getter, CancellationToken cancellationToken) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await getter(request, cancellationToken).ConfigureAwait(false));

    private static async ValueTask<T> SendAndReadAsync<T>(Call<T> call, CancellationToken cancellationToken)
    {
        var response = await SendAndCheckAsync(call.Client, call.Request, cancellationToken).ConfigureAwait(false);
        var keepResponse = false;
        try
        {
            var error = await call.Settings.ExceptionFactory(response).ConfigureAwait(false);
            if (error is not null)
            {
                throw await ErrorContract.TypeAsync(error, response, call.Settings, call.Errors, call.ErrorJson, cancellationToken).ConfigureAwait(false);
            }

            T result;
            try
            {
                result = await ReadAsync(call, response, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                var factory = call.Settings.DeserializationExceptionFactory;
                var readError = factory is null
                    ? await ApiException.Create(ReadFailure(exception), call.Request, call.Request.Method, response, call.Settings, exception).ConfigureAwait(false)
                    : await factory(response, exception).ConfigureAwait(false);
                if (readError is not null)
                {
                    throw readError;
                }

                return default!;
            }

            // A stream is read by the caller after this returns: the response must stay open until then.
            keepResponse = call.Content == ResponseContent.Stream;
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

    private static async ValueTask<ApiResponse<T>> SendAndReadForApiResponseAsync<T>(Call<T> call, CancellationToken cancellationToken)
    {
        var response = await SendAndCheckAsync(call.Client, call.Request, cancellationToken).ConfigureAwait(false);
        var error = await call.Settings.ExceptionFactory(response).ConfigureAwait(false);
        if (error is not null)
        {
            error = await ErrorContract.TypeAsync(error, response, call.Settings, call.Errors, call.ErrorJson, cancellationToken).ConfigureAwait(false);
            var apiError = error as ApiExceptionBase
                ?? await ApiException.Create(call.Request, call.Request.Method, response, call.Settings, error).ConfigureAwait(false);
            return new ApiResponse<T>(response, default!, call.Settings, apiError);
        }

        try
        {
            var result = await ReadAsync(call, response, cancellationToken).ConfigureAwait(false);
            return new ApiResponse<T>(response, result, call.Settings);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var apiError = await ApiException.Create(ReadFailure(exception), call.Request, call.Request.Method, response, call.Settings, exception).ConfigureAwait(false);
            return new ApiResponse<T>(response, default!, call.Settings, apiError);
        }
    }

    /// <summary>Sends the request; a failed answer's body is cut to an excerpt before an exception factory reads it whole.</summary>
    private static async ValueTask<HttpResponseMessage> SendAndCheckAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
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

    private static string ReadFailure(Exception exception) =>
        exception is HttpRequestException or IOException ? "The response could not be read: " + exception.Message : DeserializationFailed;

    private static async ValueTask<T> ReadAsync<T>(Call<T> call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        switch (call.Content)
        {
            case ResponseContent.Json or ResponseContent.Text:
                // 204 has no content by definition; an empty body on another success is an error, not a silent null.
                if (call.Content == ResponseContent.Json && response.StatusCode == HttpStatusCode.NoContent)
                {
                    return default!;
                }

                // The answer is read as it streams in; its start is kept, so that an error can still show it. UTF-8
                // JSON (the rule) is read straight from the stream; other text goes through the charset-aware reader.
                var direct = call.Content == ResponseContent.Json && call.Json is not null && IsUtf8(response.Content);
                var excerpt = new ExcerptContent(response.Content, call.Client.MaxResponseContentBufferSize, withHeaders: !direct);
                HttpContent? record = null;
                try
                {
                    excerpt.EnsureAnnouncedLengthFits();
                    if (call.Envelope is { } member && call.Content == ResponseContent.Json)
                    {
                        record = await EnvelopeRecord.UnwrapAsync(excerpt, member, cancellationToken).ConfigureAwait(false);
                    }

                    var source = record ?? excerpt;
                    if (direct)
                    {
                        using var stream = await source.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                        return (await JsonSerializer.DeserializeAsync(stream, call.Json!, cancellationToken).ConfigureAwait(false))!;
                    }

                    if (call.Content == ResponseContent.Text)
                    {
                        return (T)(object)await excerpt.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    }

                    var result = call.Json is null
                        ? await call.Settings.ContentSerializer.FromHttpContentAsync<T>(source, cancellationToken).ConfigureAwait(false)
                        : await source.ReadFromJsonAsync(call.Json, cancellationToken).ConfigureAwait(false);
                    return result!;
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    excerpt.ReplaceContentOf(response);
                    throw;
                }
                finally
                {
                    record?.Dispose();
                    excerpt.Dispose();
                }
            case ResponseContent.Stream:
                return call.File!(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
            default:
                return default!;
        }
    }

    /// <summary>Whether the content is UTF-8 text: no charset (JSON's default) or an explicit UTF-8 one.</summary>
    private static bool IsUtf8(HttpContent content) =>
        content.Headers.ContentType?.CharSet?.Trim('"') is not { Length: > 0 } charset
        || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    /// <summary>One call's arguments, passed through the deadline without a closure.</summary>
    private readonly record struct Call<T>(HttpClient Client, HttpRequestMessage Request, RefitSettings Settings, ResponseContent Content, JsonTypeInfo<T>? Json, string? Envelope, Func<HttpResponseMessage, Stream, T>? File, ErrorTable? Errors, JsonSerializerContext? ErrorJson);
}
