using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Model;
using NSwag;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Maps an operation's error answers (every status but 2xx, its ranges and <c>default</c>) to the contracts their JSON
/// bodies read as, so that a generated client can throw an <c>ApiException&lt;TError&gt;</c>.
/// </summary>
internal static class ErrorAnswers
{
    /// <summary>
    /// The error answers of <paramref name="operation"/> in lookup order (codes, ranges, <c>default</c>); empty when
    /// none has a JSON body. An inline body schema is named <c>{Method}Error{Status}</c> (<c>GetPetError404</c>,
    /// <c>GetPetError4XX</c>, <c>GetPetErrorDefault</c>).
    /// </summary>
    public static EquatableArray<ErrorAnswerModel> Map(OpenApiOperation operation, SchemaMapper schemas, string methodName)
    {
        var answers = new List<ErrorAnswerModel>();
        foreach (var pair in operation.ActualResponses.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (Normalized(pair.Key) is not { } status)
            {
                continue;
            }

            var body = pair.Value?.ActualResponse?.Content
                .Where(content => OperationMapper.IsJson(content.Key) && content.Value?.Schema is not null && !SchemaMapper.IsBinary(content.Value.Schema))
                .Select(content => content.Value.Schema)
                .FirstOrDefault();
            var hint = methodName + "Error" + (status == ErrorAnswerModel.Default ? "Default" : status);
            answers.Add(new ErrorAnswerModel(status, body is null ? null : schemas.Map(body, hint)));
        }

        var ordered = answers.OrderBy(Rank).ThenBy(answer => answer.Status, StringComparer.Ordinal).ToList();

        // A status declared without a body matters only where a range or default with one would otherwise take it.
        var kept = ordered.Where(answer => answer.Type is not null || ordered.Any(other => other.Type is not null && Rank(other) > Rank(answer) && Covers(other, answer.Status))).ToList();
        return kept.Count > 0 ? kept.ToEquatableArray() : EquatableArray<ErrorAnswerModel>.Empty;
    }

    /// <summary><c>404</c>, <c>4XX</c> (any case) or <c>default</c>; null for a success (2xx) or a key that is no status.</summary>
    private static string? Normalized(string key)
    {
        var status = key.Trim().ToUpperInvariant();
        if (status == "DEFAULT")
        {
            return ErrorAnswerModel.Default;
        }

        var isCode = status.Length == 3 && status.All(char.IsDigit);
        var isRange = status.Length == 3 && char.IsDigit(status[0]) && status.EndsWith("XX", StringComparison.Ordinal);
        return (isCode || isRange) && status[0] is >= '1' and <= '5' && status[0] != '2' ? status : null;
    }

    private static int Rank(ErrorAnswerModel answer) => answer.Status == ErrorAnswerModel.Default ? 2 : answer.IsRange ? 1 : 0;

    private static bool Covers(ErrorAnswerModel answer, string status) =>
        answer.Status == ErrorAnswerModel.Default || (answer.IsRange && answer.Status[0] == status[0]);
}
