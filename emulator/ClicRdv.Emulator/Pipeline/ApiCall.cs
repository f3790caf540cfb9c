using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace ClicRdv.Emulator.Pipeline;

/// <summary>A validated request, as an operation handler sees it.</summary>
internal sealed record ApiCall(
    ApiOperation Operation,
    IReadOnlyDictionary<string, string> PathValues,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    string Body,
    EmulatorUser? User)
{
    public long PathLong(string name) => long.Parse(PathValues[name], CultureInfo.InvariantCulture);

    public string? QueryValue(string name) => Query.Where(pair => pair.Key == name).Select(pair => pair.Value).FirstOrDefault();

    public long? QueryLong(string name) => QueryValue(name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : null;

    public IReadOnlyList<long> QueryLongs(string name) =>
        Query.Where(pair => pair.Key == name).Select(pair => long.Parse(pair.Value, CultureInfo.InvariantCulture)).ToList();

    /// <summary>The member <paramref name="wrapper"/> of the JSON body (ClicRDV wraps bodies in the resource's name).</summary>
    public JsonObject Wrapped(string wrapper) =>
        JsonNode.Parse(Body)?[wrapper] as JsonObject
        ?? throw new InvalidOperationException($"The body has no '{wrapper}' object; the validator should have refused it.");

    /// <summary>The fields of a form body, decoded.</summary>
    public IReadOnlyDictionary<string, string> Form() =>
        Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Decode(pair[0]), pair => Decode(pair.Length > 1 ? pair[1] : string.Empty), StringComparer.Ordinal);

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}

/// <summary>What a handler answers: a status, a JSON body and extra headers.</summary>
internal sealed record ApiResult(int Status, JsonNode? Body, IReadOnlyList<KeyValuePair<string, string>>? Headers = null)
{
    public static ApiResult Ok(JsonNode body) => new(200, body);

    public static ApiResult Created(JsonNode body) => new(201, body);

    public static ApiResult Error(int status, string message, int? code = null)
    {
        var body = new JsonObject { ["error"] = message };
        if (code is { } number)
        {
            body["code"] = number;
        }

        return new ApiResult(status, body);
    }

    public static ApiResult NotFound(string what) => Error(404, $"{what} was not found, or you have no access to it.");
}
