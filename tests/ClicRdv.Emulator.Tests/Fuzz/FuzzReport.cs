using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>The figures of a fuzz run, and its failures grouped by kind with a few examples each.</summary>
internal sealed class FuzzReport(Func<string, string> redact)
{
    private const int ExamplesPerKind = 4;
    private const int RequestExcerpt = 200;

    private readonly List<(Sent Sent, IReadOnlyList<Finding> Findings)> _answers = new();
    private readonly List<FuzzRequest> _notSent = new();
    private string? _whyNotSent;

    public IReadOnlyList<(Sent Sent, IReadOnlyList<Finding> Findings)> Failures => _answers.Where(answer => answer.Findings.Count > 0).ToList();

    public IReadOnlyList<FuzzRequest> NotSent => _notSent;

    public void Add(Sent sent, IReadOnlyList<Finding> findings) => _answers.Add((sent, findings));

    public void Skip(IEnumerable<FuzzRequest> requests, string why)
    {
        _notSent.AddRange(requests);
        _whyNotSent = why;
    }

    /// <summary>The figures a README can quote: requests by class, server errors, answers judged by the document.</summary>
    public string Figures()
    {
        var byClass = _answers.Select(answer => answer.Sent.Request.Class).Concat(_notSent.Select(request => request.Class))
            .GroupBy(name => name).Select(group => $"{group.Key} {group.Count()}");
        var answered = _answers.Where(answer => answer.Sent.Answer is not null).ToList();
        return $"Fuzz: {_answers.Count + _notSent.Count} requests generated ({string.Join(", ", byClass)}); {_answers.Count} sent, {_notSent.Count} not sent; "
            + $"{answered.Count(answer => answer.Sent.Answer!.Status >= 500)} answered 5xx, {_answers.Count - answered.Count} not answered; "
            + $"{answered.Count} answers validated against spec/clicrdv.v1.openapi.json, {answered.Count(answer => answer.Findings.Any(finding => finding.Kind == FuzzChecks.Document))} invalid; "
            + $"{Failures.Count} requests failed a check.";
    }

    public string Describe()
    {
        var text = new StringBuilder();
        var failures = Failures;
        text.AppendLine($"{failures.Count} of {_answers.Count} fuzz requests failed a check (CLICRDV_FUZZ_SEED=<seed> replays one).");
        if (_notSent.Count > 0)
        {
            text.AppendLine($"{_notSent.Count} requests were not sent: {_whyNotSent}.");
        }

        foreach (var kind in failures.SelectMany(failure => failure.Findings.Select(finding => finding.Kind)).Distinct())
        {
            var withKind = failures.Where(failure => failure.Findings.Any(finding => finding.Kind == kind)).ToList();
            text.AppendLine().AppendLine($"{kind}: {withKind.Count} requests ({string.Join(", ", withKind.GroupBy(failure => failure.Sent.Request.Class).Select(group => $"{group.Key} {group.Count()}"))}), for example:");

            // One example per class first, so that each way of breaking a request shows.
            foreach (var (sent, findings) in withKind.GroupBy(failure => failure.Sent.Request.Class).Select(group => group.First()).Take(ExamplesPerKind))
            {
                text.AppendLine(Example(sent, findings.Where(finding => finding.Kind == kind)));
            }
        }

        return redact(text.ToString());
    }

    /// <summary>Every failure on one line: class, what was done, status, and the findings.</summary>
    public string AllFailures() => redact(string.Join("\n", Failures.Select(failure =>
        $"[{failure.Sent.Request.Class}] {failure.Sent.Request.Method} {Excerpt(failure.Sent.Request.PathAndQuery.Split('?')[0], RequestExcerpt)}: {failure.Sent.Request.What} -> "
        + $"{failure.Sent.Answer?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"}: {string.Join("; ", failure.Findings.Select(finding => $"{finding.Kind}: {Excerpt(finding.Detail, RequestExcerpt)}"))}")));

    private static string Example(Sent sent, IEnumerable<Finding> findings)
    {
        var request = sent.Request;
        var lines = new List<string>
        {
            $"  [{request.Class}] {request.What}",
            $"    {request.Method} {Excerpt(request.PathAndQuery, RequestExcerpt)} ({request.Credentials})",
        };
        if (request.Body is not null)
        {
            lines.Add($"    body ({request.ContentType}): {Excerpt(request.Body, RequestExcerpt)}");
        }

        lines.Add(sent.Answer is { } answer ? $"    -> {answer.Status} {DocumentAnswers.Excerpt(answer.Body)}" : "    -> no answer");
        lines.AddRange(findings.Select(finding => "    " + finding.Detail));
        if (request.Seed.Length > 0)
        {
            lines.Add($"    CLICRDV_FUZZ_SEED={request.Seed}");
        }

        return string.Join("\n", lines);
    }

    private static string Excerpt(string text, int length) => text.Length <= length ? text : text[..length] + $"... ({text.Length} characters)";
}
