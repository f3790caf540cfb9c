using System.Text.Json;

namespace ClicRdv.Emulator.Tests;

/// <summary>The error body every refusal carries: a JSON object whose <c>error</c> is a non-empty string (the reason).</summary>
internal static class ErrorBody
{
    /// <summary>What is wrong with <paramref name="body"/> as an error body, or null when it is one.</summary>
    public static string? Problem(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String
                && error.GetString()!.Trim().Length > 0
                ? null
                : "the error body is not {\"error\": \"<non-empty reason>\"}";
        }
        catch (JsonException)
        {
            return body.Length == 0 ? "the error has no body" : "the error body is not JSON";
        }
    }
}
