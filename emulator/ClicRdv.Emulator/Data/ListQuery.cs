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
/// <c>sort</c> and <c>dir</c>. It works on copies of the records, outside the store's lock.
/// </summary>
internal static class ListQuery
{
    private const int DefaultPageSize = 25;

    private static readonly Regex ConditionKey = new(@"^conditions\[(?<index>[0-9]+)\]\[(?<part>field|op|value)\]$", RegexOptions.CultureInvariant);

    /// <summary>The page of <paramref name="rows"/> (copies, which the envelope takes over) the request asks for.</summary>
    public static JsonObject Envelope(IEnumerable<JsonObject> rows, ApiCall call, params string[] searchFields)
    {
        var pageSize = PageSize(call.QueryValue("results"));
        var startIndex = call.QueryLong("startIndex") ?? 0;
        if (startIndex > RequestBounds.MaxStartIndex)
        {
            throw new RequestRefusedException($"startIndex is {startIndex}, above its maximum {RequestBounds.MaxStartIndex}");
        }

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

        var first = (int)Math.Min(startIndex, selected.Count);
        var size = pageSize ?? selected.Count;
        var page = selected.Skip(first).Take(size).Select(row => (JsonNode)row).ToArray();
        return new JsonObject
        {
            ["records"] = new JsonArray(page),
            ["totalRecords"] = selected.Count,
            ["startIndex"] = first,
            ["recordsReturned"] = page.Length,
            ["pageSize"] = size,
            ["sort"] = sort,
            ["dir"] = dir,
        };
    }

    /// <summary><c>results</c>: <c>all</c> (null here), or 1 to <see cref="RequestBounds.MaxPageSize"/>; 25 when absent.</summary>
    private static int? PageSize(string? results)
    {
        if (results is null)
        {
            return DefaultPageSize;
        }

        if (results == "all")
        {
            return null;
        }

        return int.TryParse(results, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= RequestBounds.MaxPageSize
            ? size
            : throw new RequestRefusedException($"results is '{results}'; it takes all or a number from 1 to {RequestBounds.MaxPageSize}");
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

    /// <summary>
    /// SQL LIKE: <c>%</c> is any text, case-insensitive; without <c>%</c> it is "contains". Matched piece by piece, each
    /// at its first place after the one before (which is enough when <c>%</c> is the only wildcard), so that a value of
    /// many <c>%</c> costs no more than a search, where a regular expression of as many <c>.*</c> would backtrack.
    /// </summary>
    private static bool Like(JsonNode? actual, string pattern)
    {
        var text = TextOf(actual) ?? string.Empty;
        if (!pattern.Contains('%'))
        {
            return text.Contains(pattern, StringComparison.OrdinalIgnoreCase);
        }

        var pieces = pattern.Split('%');
        if (!text.StartsWith(pieces[0], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var position = pieces[0].Length;
        foreach (var piece in pieces[1..^1])
        {
            var found = text.IndexOf(piece, position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position = found + piece.Length;
        }

        return text.Length - position >= pieces[^1].Length && text.EndsWith(pieces[^1], StringComparison.OrdinalIgnoreCase);
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
