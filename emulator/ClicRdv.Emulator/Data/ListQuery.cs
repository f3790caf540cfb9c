using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClicRdv.Emulator.Pipeline;

namespace ClicRdv.Emulator.Data;

/// <summary>
/// ClicRDV's collection semantics: <c>search</c>, <c>conditions[i][field|op|value]</c> (ANDed), <c>sort</c>/<c>dir</c>,
/// then paging with <c>results</c> (a number or <c>all</c>, 25 by default) and <c>startIndex</c>; the answer is the
/// envelope with <c>records</c>, <c>totalRecords</c>, <c>startIndex</c>, <c>recordsReturned</c>, <c>pageSize</c>,
/// <c>sort</c> and <c>dir</c>.
/// </summary>
internal static class ListQuery
{
    private const int DefaultPageSize = 25;

    private static readonly Regex ConditionKey = new(@"^conditions\[(?<index>\d+)\]\[(?<part>field|op|value)\]$", RegexOptions.CultureInvariant);

    public static JsonObject Envelope(IEnumerable<JsonObject> rows, ApiCall call, params string[] searchFields)
    {
        var selected = rows.Where(row => MatchesSearch(row, call.QueryValue("search"), searchFields) && MatchesConditions(row, call)).ToList();
        var sort = call.QueryValue("sort");
        var dir = call.QueryValue("dir");
        if (sort is not null)
        {
            selected.Sort((left, right) => Compare(left[sort], right[sort]));
            if (dir == "desc")
            {
                selected.Reverse();
            }
        }

        var results = call.QueryValue("results");
        var pageSize = results == "all" ? selected.Count : results is null ? DefaultPageSize : int.Parse(results, CultureInfo.InvariantCulture);
        var startIndex = (int)Math.Min(call.QueryLong("startIndex") ?? 0, selected.Count);
        var page = selected.Skip(startIndex).Take(pageSize).Select(row => (JsonNode)row.Copy()).ToArray();
        return new JsonObject
        {
            ["records"] = new JsonArray(page),
            ["totalRecords"] = selected.Count,
            ["startIndex"] = startIndex,
            ["recordsReturned"] = page.Length,
            ["pageSize"] = pageSize,
            ["sort"] = sort,
            ["dir"] = dir,
        };
    }

    private static bool MatchesSearch(JsonObject row, string? search, string[] fields) =>
        string.IsNullOrEmpty(search)
        || fields.Any(field => row.Text(field)?.Contains(search, StringComparison.OrdinalIgnoreCase) == true);

    private static bool MatchesConditions(JsonObject row, ApiCall call)
    {
        var conditions = call.Query
            .Select(pair => (Match: ConditionKey.Match(pair.Key), pair.Value))
            .Where(item => item.Match.Success)
            .GroupBy(item => item.Match.Groups["index"].Value)
            .Select(group => group.ToDictionary(item => item.Match.Groups["part"].Value, item => item.Value));
        return conditions.All(condition => Matches(row, condition["field"], condition["op"], condition["value"]));
    }

    private static bool Matches(JsonObject row, string field, string op, string value)
    {
        var actual = row[field];
        value = value switch { "true" => "1", "false" => "0", _ => value };
        var comparison = Compare(actual, JsonValue.Create(value));
        return op switch
        {
            "=" => comparison == 0,
            "!=" => comparison != 0,
            ">" => comparison > 0,
            ">=" => comparison >= 0,
            "<" => comparison < 0,
            "<=" => comparison <= 0,
            "like" => Like(actual, value),
            "not like" => !Like(actual, value),
            "in" => value.Split(',').Any(item => Compare(actual, JsonValue.Create(item.Trim())) == 0),
            "not in" => value.Split(',').All(item => Compare(actual, JsonValue.Create(item.Trim())) != 0),
            _ => false,
        };
    }

    /// <summary>SQL LIKE: <c>%</c> is any text, case-insensitive; without <c>%</c> it is "contains".</summary>
    private static bool Like(JsonNode? actual, string pattern)
    {
        var text = TextOf(actual) ?? string.Empty;
        if (!pattern.Contains('%'))
        {
            return text.Contains(pattern, StringComparison.OrdinalIgnoreCase);
        }

        var regex = "^" + string.Join(".*", pattern.Split('%').Select(Regex.Escape)) + "$";
        return Regex.IsMatch(text, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>Numbers compare as numbers, everything else as text (dates are sortable text).</summary>
    private static int Compare(JsonNode? left, JsonNode? right)
    {
        var leftText = TextOf(left);
        var rightText = TextOf(right);
        if (double.TryParse(leftText, NumberStyles.Float, CultureInfo.InvariantCulture, out var leftNumber)
            && double.TryParse(rightText, NumberStyles.Float, CultureInfo.InvariantCulture, out var rightNumber))
        {
            return leftNumber.CompareTo(rightNumber);
        }

        return string.Compare(leftText, rightText, StringComparison.OrdinalIgnoreCase);
    }

    private static string? TextOf(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValueKind() == JsonValueKind.True ? "1" : "0",
        _ => node.ToJsonString(),
    };
}
