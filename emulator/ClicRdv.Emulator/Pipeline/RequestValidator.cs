using System.Collections.Generic;
using System.Linq;
using ClicRdv.Emulator.Pipeline.Validation;
using NSwag;

namespace ClicRdv.Emulator.Pipeline;

/// <summary>
/// Checks a request against its operation in the OpenAPI document: path and query parameters, then the body's media
/// type and its form fields or JSON (ClicRDV's rule that the apikey never goes in a body included). A client that
/// drifts from the document gets a 400 that says where.
/// </summary>
internal static class RequestValidator
{
    private const string FormMediaType = "application/x-www-form-urlencoded";

    /// <summary>The first problem of the path's values, or null: checked first, so that a malformed id is a 400 before any access rule.</summary>
    public static string? ValidatePath(ApiOperation operation, IReadOnlyDictionary<string, string> pathValues) =>
        Located(operation, ParameterValidator.CheckPath(ParametersOf(operation).Where(parameter => parameter.Kind == OpenApiParameterKind.Path), pathValues));

    /// <summary>The first problem of the query or the body, or null when they are what the document allows.</summary>
    public static string? ValidateQueryAndBody(ApiOperation operation, IReadOnlyList<KeyValuePair<string, string>> query, string? contentType, string body) =>
        Located(operation, ParameterValidator.CheckQuery(ParametersOf(operation).Where(parameter => parameter.Kind == OpenApiParameterKind.Query).ToList(), query)
            ?? CheckBody(operation.Operation.ActualRequestBody, contentType, body));

    private static IEnumerable<OpenApiParameter> ParametersOf(ApiOperation operation) =>
        operation.Operation.ActualParameters.Select(parameter => parameter.ActualParameter).Where(parameter => parameter.Kind != OpenApiParameterKind.Body);

    private static string? Located(ApiOperation operation, string? problem) =>
        problem is null ? null : $"{operation.Method} {operation.PathTemplate}: {problem}.";

    private static string? CheckBody(OpenApiRequestBody? requestBody, string? contentType, string body)
    {
        if (requestBody is null)
        {
            return string.IsNullOrEmpty(body) ? null : "this operation takes no body";
        }

        if (string.IsNullOrEmpty(body))
        {
            return requestBody.IsRequired ? "the request body is required" : null;
        }

        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant() ?? string.Empty;
        if (!requestBody.Content.TryGetValue(mediaType, out var content))
        {
            return $"the body is '{mediaType}', but the document takes {string.Join(" or ", requestBody.Content.Keys)}";
        }

        return mediaType == FormMediaType ? FormValidator.Check(content.Schema.ActualSchema, body) : JsonBodyValidator.Check(content.Schema.ActualSchema, body);
    }
}
