using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Xunit.Abstractions;

namespace ClicRdv.Emulator.Tests;

/// <summary>
/// Judges the emulator's answers by spec/clicrdv.v1.openapi.json, with one response validator shared by the whole
/// test run (it ends with the test process, whose exit closes its input).
/// </summary>
internal static class DocumentAnswers
{
    private const int BodyExcerpt = 300;

    private static readonly Lazy<Task<AnswerValidator>> Shared = new(() => AnswerValidator.StartAsync(RepositoryPaths.Spec));

    public static Task<AnswerValidator> ValidatorAsync() => Shared.Value;

    /// <summary>
    /// Why an answer is not one the document allows: the validator's errors, and for an error, a body other than
    /// <c>{"error": "..."}</c>. A request that names no operation of the document (a 404 or 405 on purpose) cannot be
    /// judged by the document: its answer must be that 404 or 405, with the error body.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(HttpAnswer answer)
    {
        var verdict = await (await ValidatorAsync()).ValidateAsync(answer);
        var problems = new List<string>();
        if (answer.Status >= 400 && ErrorBody.Problem(answer.Body) is { } bodyProblem)
        {
            problems.Add(bodyProblem);
        }

        if (verdict.Operation is not null || answer.Status is not (404 or 405))
        {
            problems.AddRange(verdict.Errors.Select(error => "Ajv: " + error));
        }

        return problems;
    }

    /// <summary>Fails with every answer the document does not allow (its request, status, errors and body); writes how many were judged.</summary>
    public static async Task AssertAllValidAsync(IReadOnlyCollection<HttpAnswer> answers, Func<string, string> redact, ITestOutputHelper? output)
    {
        var failures = new List<string>();
        foreach (var answer in answers)
        {
            if (await ProblemsAsync(answer) is { Count: > 0 } problems)
            {
                failures.Add($"{answer.Method} {redact(answer.PathAndQuery)} -> {answer.Status}\n    {string.Join("\n    ", problems)}\n    body: {redact(Excerpt(answer.Body))}");
            }
        }

        if (answers.Count > 0)
        {
            output?.WriteLine($"{answers.Count} answers validated against spec/clicrdv.v1.openapi.json, {failures.Count} invalid.");
        }

        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{failures.Count} of {answers.Count} answers do not match spec/clicrdv.v1.openapi.json:\n" + string.Join("\n", failures));
        }
    }

    public static string Excerpt(string text) => text.Length <= BodyExcerpt ? text : text[..BodyExcerpt] + $"... ({text.Length} characters)";
}
