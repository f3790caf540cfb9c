using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NSwag;

namespace ClicRdv.Emulator.Pipeline;

/// <summary>
/// Checks a request against its operation in the OpenAPI document: path and query parameters (names, presence,
/// types, enums, patterns), the body's media type and schema, and ClicRDV's rule that the apikey never goes in a body.
/// A client that drifts from the document gets a 400 that says where.
/// </summary>
internal static class RequestValidator
{
    private const string ApiKey = "apikey";

    /// <summary>The first problem found, or null when the request is one the document allows.</summary>
    public static string? Validate(ApiOperation operation, IReadOnlyDictionary<string, string> pathValues, IReadOnlyList<KeyValuePair<string, string>> query, string? contentType, string body)
    {
        var name = $"{operation.Method} {operation.PathTemplate}";
        var parameters = operation.Operation.ActualParameters.Select(parameter => parameter.ActualParameter).Where(parameter => parameter.Kind != OpenApiParameterKind.Body).ToList();

        foreach (var parameter in parameters.Where(parameter => parameter.Kind == OpenApiParameterKind.Path))
        {
            if (!pathValues.TryGetValue(parameter.Name, out var value))
            {
                return $"{name}: the path parameter '{parameter.Name}' is missing.";
            }

            if (CheckValue(parameter.Schema, value) is { } problem)
            {
                return $"{name}: the path parameter '{parameter.Name}' {problem}.";
            }
        }

        var queryParameters = parameters.Where(parameter => parameter.Kind == OpenApiParameterKind.Query).ToList();
        foreach (var key in query.Select(pair => pair.Key).Distinct())
        {
            if (key != ApiKey && !queryParameters.Any(parameter => parameter.Name == key || (parameter.Style == OpenApiParameterStyle.DeepObject && key.StartsWith(parameter.Name + "[", StringComparison.Ordinal))))
            {
                return $"{name}: the document has no query parameter '{key}'.";
            }
        }

        foreach (var parameter in queryParameters)
        {
            var problem = parameter.Style == OpenApiParameterStyle.DeepObject
                ? CheckDeepObject(parameter, query)
                : CheckQuery(parameter, query.Where(pair => pair.Key == parameter.Name).Select(pair => pair.Value).ToList());
            if (problem is not null)
            {
                return $"{name}: {problem}.";
            }
        }

        return CheckBody(operation.Operation.ActualRequestBody, contentType, body) is { } bodyProblem ? $"{name}: {bodyProblem}." : null;
    }

    private static string? CheckQuery(OpenApiParameter parameter, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return parameter.IsRequired ? $"the query parameter '{parameter.Name}' is required" : null;
        }

        var schema = parameter.Schema.ActualSchema;
        if (schema.Type.HasFlag(JsonObjectType.Array))
        {
            return values.Select(value => CheckValue(schema.Item, value)).FirstOrDefault(problem => problem is not null) is { } itemProblem
                ? $"an item of the query parameter '{parameter.Name}' {itemProblem}"
                : null;
        }

        if (values.Count > 1)
        {
            return $"the query parameter '{parameter.Name}' is given {values.Count} times but takes one value";
        }

        return CheckValue(schema, values[0]) is { } problem ? $"the query parameter '{parameter.Name}' {problem}" : null;
    }

    /// <summary><c>name[i][field]=value</c> for an array of objects, <c>name[field]=value</c> for an object.</summary>
    private static string? CheckDeepObject(OpenApiParameter parameter, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var schema = parameter.Schema.ActualSchema;
        var objectSchema = schema.Type.HasFlag(JsonObjectType.Array) ? schema.Item!.ActualSchema : schema;
        var keyPattern = schema.Type.HasFlag(JsonObjectType.Array)
            ? new Regex("^" + Regex.Escape(parameter.Name) + @"\[(?<index>\d+)\]\[(?<field>[^\]]+)\]$")
            : new Regex("^" + Regex.Escape(parameter.Name) + @"\[(?<field>[^\]]+)\]$");
        var items = new Dictionary<string, HashSet<string>>();
        foreach (var pair in query.Where(pair => pair.Key.StartsWith(parameter.Name + "[", StringComparison.Ordinal)))
        {
            var match = keyPattern.Match(pair.Key);
            if (!match.Success || !objectSchema.ActualProperties.TryGetValue(match.Groups["field"].Value, out var field))
            {
                return $"'{pair.Key}' is not a field of the query parameter '{parameter.Name}'";
            }

            if (CheckValue(field, pair.Value) is { } problem)
            {
                return $"'{pair.Key}' {problem}";
            }

            var index = match.Groups["index"].Success ? match.Groups["index"].Value : string.Empty;
            items.TryAdd(index, new HashSet<string>());
            items[index].Add(match.Groups["field"].Value);
        }

        var missing = items.SelectMany(item => objectSchema.RequiredProperties.Where(required => !item.Value.Contains(required)).Select(required => $"{parameter.Name}[{item.Key}][{required}]")).FirstOrDefault();
        return missing is null ? null : $"'{missing}' is required";
    }

    /// <summary>Checks one text value against a scalar schema; returns what is wrong, or null.</summary>
    private static string? CheckValue(JsonSchema? schema, string value)
    {
        if (schema is null)
        {
            return null;
        }

        var actual = schema.ActualSchema;
        var type = actual.Type & ~JsonObjectType.Null;
        var wellTyped = type switch
        {
            JsonObjectType.Integer => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            JsonObjectType.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            JsonObjectType.Boolean => value is "true" or "false",
            _ => true,
        };
        if (!wellTyped)
        {
            return $"is '{value}', not {(type == JsonObjectType.Integer ? "an integer" : "a " + type.ToString().ToLowerInvariant())}";
        }

        if (actual.Enumeration.Count > 0 && !actual.Enumeration.Any(allowed => Convert.ToString(allowed, CultureInfo.InvariantCulture) == value))
        {
            return $"is '{value}', not one of {string.Join(", ", actual.Enumeration)}";
        }

        if (actual.Pattern is { } pattern && !Regex.IsMatch(value, pattern))
        {
            return $"is '{value}', which does not match {pattern}";
        }

        if (type == JsonObjectType.Integer && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && ((actual.Minimum is { } minimum && number < minimum) || (actual.Maximum is { } maximum && number > maximum)))
        {
            return $"is {value}, out of its range";
        }

        return null;
    }

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

        var mediaType = contentType?.Split(';')[0].Trim() ?? string.Empty;
        if (!requestBody.Content.TryGetValue(mediaType, out var content))
        {
            return $"the body is '{mediaType}', but the document takes {string.Join(" or ", requestBody.Content.Keys)}";
        }

        return mediaType == "application/x-www-form-urlencoded"
            ? CheckForm(content.Schema.ActualSchema, body)
            : CheckJson(content.Schema.ActualSchema, body);
    }

    private static string? CheckJson(JsonSchema schema, string body)
    {
        JToken json;
        try
        {
            json = JToken.Parse(body);
        }
        catch (JsonReaderException exception)
        {
            return "the body is not valid JSON: " + exception.Message;
        }

        if (json is JContainer container && container.Descendants().OfType<JProperty>().Any(property => property.Name == ApiKey))
        {
            return "the apikey goes in the query string, never in the body";
        }

        var errors = schema.Validate(json, SchemaType.OpenApi3);
        return errors.Count == 0
            ? null
            : "the body does not match its schema: " + string.Join("; ", errors.Take(3).Select(error => $"{error.Kind} at {(string.IsNullOrEmpty(error.Path) ? "#" : error.Path)}"));
    }

    private static string? CheckForm(JsonSchema schema, string body)
    {
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)))
        {
            var field = Uri.UnescapeDataString(pair[0].Replace('+', ' '));
            var value = Uri.UnescapeDataString((pair.Length > 1 ? pair[1] : string.Empty).Replace('+', ' '));
            if (field == ApiKey)
            {
                return "the apikey goes in the query string, never in the body";
            }

            if (!schema.ActualProperties.TryGetValue(field, out var property))
            {
                return $"the form has a field '{field}' the document does not describe";
            }

            if (CheckValue(property, value) is { } problem)
            {
                return $"the form field '{field}' {problem}";
            }
        }

        return null;
    }
}
