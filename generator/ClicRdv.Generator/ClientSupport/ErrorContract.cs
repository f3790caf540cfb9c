namespace ClicRdv.Generated.Support;

using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using ClicRdv.Generated;
using Refit;

/// <summary>
/// The contract the document declares for an error answer of one operation, which turns Refit's exception for that
/// answer into an <see cref="ApiException{TError}"/>. Each generated method that has error answers passes a table
/// from status to contract (<see cref="ErrorTable"/>); the body is read through the document's metadata, never by
/// reflection.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal abstract class ErrorContract
{
    private protected ErrorContract()
    {
    }

    /// <summary>The contract read with <paramref name="json"/>, or with the settings' own content serializer when it is null.</summary>
    public static ErrorContract Of<TError>(JsonTypeInfo<TError>? json) => new Typed<TError>(json);

    /// <summary>
    /// The exception to throw for a non-success answer: Refit's own (<paramref name="error"/>) typed by the contract
    /// <paramref name="errors"/> gives for the answer's status, when the exception is the one Refit's default
    /// <see cref="RefitSettings.ExceptionFactory"/> makes and the body reads as that contract; else
    /// <paramref name="error"/> unchanged. A caller's own exception factory is never second-guessed, and a body that is
    /// not the contract (an HTML page from a proxy, nothing) leaves the plain exception, its content intact.
    /// </summary>
    public static async ValueTask<Exception> TypeAsync(Exception error, HttpResponseMessage response, RefitSettings settings, ErrorTable? errors, JsonSerializerContext? json, CancellationToken cancellationToken)
    {
        if (errors is null
            || error.GetType() != typeof(ApiException)
            || settings.ExceptionFactory.Target?.GetType() != typeof(DefaultApiExceptionFactory)
            || errors((int)response.StatusCode, json) is not { } contract)
        {
            return error;
        }

        var answer = (ApiException)error;
        return string.IsNullOrEmpty(answer.Content)
            ? answer
            : await contract.ReadAsync(answer, settings, cancellationToken).ConfigureAwait(false) ?? answer;
    }

    /// <summary>The typed exception, or null when the body does not read as the contract.</summary>
    private protected abstract ValueTask<ApiException?> ReadAsync(ApiException answer, RefitSettings settings, CancellationToken cancellationToken);

    private sealed class Typed<TError> : ErrorContract
    {
        private readonly JsonTypeInfo<TError>? _json;

        public Typed(JsonTypeInfo<TError>? json) => _json = json;

        private protected override async ValueTask<ApiException?> ReadAsync(ApiException answer, RefitSettings settings, CancellationToken cancellationToken)
        {
            TError? error;
            try
            {
                if (_json is not null)
                {
                    error = JsonSerializer.Deserialize(answer.Content!, _json);
                }
                else
                {
                    using var content = new StringContent(answer.Content!, Encoding.UTF8, "application/json");
                    error = await settings.ContentSerializer.FromHttpContentAsync<TError>(content, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Not the contract (a proxy's page, a truncated body): the plain exception keeps the body as it came.
                return null;
            }

            return error is null ? null : new ApiException<TError>(answer, error);
        }
    }
}
