using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using ClicRdv.Emulator.Pipeline.Validation;
using NJsonSchema;

namespace ClicRdv.Emulator.Pipeline;

/// <summary>A validated request, as an operation handler sees it.</summary>
internal sealed record ApiCall(
    ApiOperation Operation,
    IReadOnlyDictionary<string, string> PathValues,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    string Body,
    EmulatorUser? User)
{
    public long PathLong(string name) => ReadLong(PathValues[name], $"the path parameter '{name}'");

    public string? QueryValue(string name) => Query.Where(pair => pair.Key == name).Select(pair => pair.Value).FirstOrDefault();

    public long? QueryLong(string name) => QueryValue(name) is { } text ? ReadLong(text, $"the query parameter '{name}'") : null;

    public IReadOnlyList<long> QueryLongs(string name) =>
        Query.Where(pair => pair.Key == name).Select(pair => ReadLong(pair.Value, $"an item of the query parameter '{name}'")).ToList();

    /// <summary>
    /// The member <paramref name="wrapper"/> of the JSON body (ClicRDV wraps bodies in the resource's name), with only
    /// the members the document describes: an unknown member is ignored, not stored, so records keep their shape.
    /// </summary>
    public JsonObject Wrapped(string wrapper)
    {
        var body = JsonNode.Parse(Body) as JsonObject;
        var schema = Operation.Operation.ActualRequestBody?.Content.Values.FirstOrDefault()?.Schema;
        return body?[wrapper] is JsonObject fields && schema is not null && SchemaFacets.Of(schema.ActualSchema).Properties.GetValueOrDefault(wrapper) is { } wrapperSchema
            ? Documented(fields, wrapperSchema)
            : throw new InvalidOperationException($"The body has no '{wrapper}' object; the validator should have refused it.");
    }

    /// <summary>The fields of a form body, decoded (the validator has refused a field given twice).</summary>
    public IReadOnlyDictionary<string, string> Form() =>
        UrlEncodedPairs.Parse(Body).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    /// <summary>The validator has checked the value is an int64; a value that is not is refused, never a crash.</summary>
    private static long ReadLong(string text, string subject) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new RequestRefusedException(ValueRules.Describe(subject, text, "not a 64-bit integer"));

    private static JsonObject Documented(JsonObject fields, JsonSchema schema)
    {
        var properties = SchemaFacets.Of(schema).Properties;
        var kept = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (properties.TryGetValue(name, out var property))
            {
                kept[name] = value is JsonObject nested && SchemaFacets.Of(property).Properties.Count > 0 ? Documented(nested, property) : value?.DeepClone();
            }
        }

        return kept;
    }
}

/// <summary>What a handler answers: a status, a JSON body and extra headers.</summary>
internal sealed record ApiResult(int Status, JsonNode? Body, IReadOnlyList<KeyValuePair<string, string>>? Headers = null)
{
    public static ApiResult Ok(JsonNode body) => new(200, body);

    /// <summary>A 200 with no content: what the document gives a soft delete (it promises no body; a client must not rely on one).</summary>
    public static readonly ApiResult Deleted = new(200, null);

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
