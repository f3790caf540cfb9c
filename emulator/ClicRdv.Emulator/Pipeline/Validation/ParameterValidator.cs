using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NJsonSchema;
using NSwag;

namespace ClicRdv.Emulator.Pipeline.Validation;

/// <summary>
/// Path and query parameters against the operation's parameters: names, presence, one value where one is expected,
/// item counts of arrays, <c>deepObject</c> keys, and each value against its schema (<see cref="ValueRules"/>).
/// </summary>
internal static class ParameterValidator
{
    public static string? CheckPath(IEnumerable<OpenApiParameter> parameters, IReadOnlyDictionary<string, string> pathValues)
    {
        foreach (var parameter in parameters)
        {
            if (!pathValues.TryGetValue(parameter.Name, out var value))
            {
                return $"the path parameter '{parameter.Name}' is missing";
            }

            if (ValueRules.CheckText(parameter.Schema, value) is { } problem)
            {
                return ValueRules.Describe($"the path parameter '{parameter.Name}'", value, problem);
            }
        }

        return null;
    }

    public static string? CheckQuery(IReadOnlyList<OpenApiParameter> parameters, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        foreach (var key in query.Select(pair => pair.Key).Distinct(StringComparer.Ordinal))
        {
            if (key != ApiKeyRule.Name && key != ResponseFormat.QueryParameter && !parameters.Any(parameter => parameter.Name == key || (parameter.Style == OpenApiParameterStyle.DeepObject && key.StartsWith(parameter.Name + "[", StringComparison.Ordinal))))
            {
                return $"the document has no query parameter '{key}'";
            }
        }

        foreach (var parameter in parameters)
        {
            var problem = parameter.Style == OpenApiParameterStyle.DeepObject
                ? CheckDeepObject(parameter, query)
                : CheckValues(parameter, query.Where(pair => pair.Key == parameter.Name).Select(pair => pair.Value).ToList());
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>"given N times but takes one value": a repeated key where one value is expected.</summary>
    public static string GivenMoreThanOnce(string subject, int count) => $"{subject} is given {count} times but takes one value";

    private static string? CheckValues(OpenApiParameter parameter, IReadOnlyList<string> values)
    {
        var subject = $"the query parameter '{parameter.Name}'";
        if (values.Count == 0)
        {
            return parameter.IsRequired ? $"{subject} is required" : null;
        }

        var facets = SchemaFacets.Of(parameter.Schema);
        if (facets.Type.HasFlag(JsonObjectType.Array))
        {
            if (ValueRules.CheckItemCount(facets, values.Count) is { } countProblem)
            {
                return $"{subject} has {countProblem}";
            }

            if (facets.UniqueItems && values.Distinct(StringComparer.Ordinal).Count() < values.Count)
            {
                return $"{subject} repeats an item, but its items must be unique";
            }

            return values.Select(value => ValueRules.CheckText(facets.Item, value) is { } problem ? ValueRules.Describe($"an item of {subject}", value, problem) : null)
                .FirstOrDefault(problem => problem is not null);
        }

        if (values.Count > 1)
        {
            return GivenMoreThanOnce(subject, values.Count);
        }

        return ValueRules.CheckText(parameter.Schema, values[0]) is { } valueProblem ? ValueRules.Describe(subject, values[0], valueProblem) : null;
    }

    /// <summary><c>name[i][field]=value</c> for an array of objects, <c>name[field]=value</c> for an object.</summary>
    private static string? CheckDeepObject(OpenApiParameter parameter, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var facets = SchemaFacets.Of(parameter.Schema);
        var isArray = facets.Type.HasFlag(JsonObjectType.Array);
        var objectFacets = isArray ? SchemaFacets.Of(facets.Item!) : facets;
        var keyPattern = isArray
            ? new Regex("^" + Regex.Escape(parameter.Name) + @"\[(?<index>[0-9]+)\]\[(?<field>[^\]]+)\]$", RegexOptions.CultureInvariant)
            : new Regex("^" + Regex.Escape(parameter.Name) + @"\[(?<field>[^\]]+)\]$", RegexOptions.CultureInvariant);
        var items = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in query.Where(pair => pair.Key.StartsWith(parameter.Name + "[", StringComparison.Ordinal)).GroupBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var match = keyPattern.Match(group.Key);
            if (!match.Success || !objectFacets.Properties.TryGetValue(match.Groups["field"].Value, out var field))
            {
                return $"'{group.Key}' is not a field of the query parameter '{parameter.Name}'";
            }

            var values = group.Select(pair => pair.Value).ToList();
            if (values.Count > 1)
            {
                return GivenMoreThanOnce($"'{group.Key}'", values.Count);
            }

            if (ValueRules.CheckText(field, values[0]) is { } problem)
            {
                return ValueRules.Describe($"'{group.Key}'", values[0], problem);
            }

            var index = match.Groups["index"].Success ? match.Groups["index"].Value : string.Empty;
            if (!items.TryGetValue(index, out var fields))
            {
                items.Add(index, fields = new HashSet<string>(StringComparer.Ordinal));
            }

            fields.Add(match.Groups["field"].Value);
        }

        if (isArray && items.Count > 0 && ValueRules.CheckItemCount(facets, items.Count) is { } countProblem)
        {
            return $"the query parameter '{parameter.Name}' has {countProblem}";
        }

        var missing = items.SelectMany(item => objectFacets.Required.Where(required => !item.Value.Contains(required)).Select(required => isArray ? $"{parameter.Name}[{item.Key}][{required}]" : $"{parameter.Name}[{required}]")).FirstOrDefault();
        return missing is null ? null : $"'{missing}' is required";
    }
}
