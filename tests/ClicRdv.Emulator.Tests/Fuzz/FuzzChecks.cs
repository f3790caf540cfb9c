using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>A way an answer is wrong, with its kind (for the report's classes) and the details.</summary>
internal sealed record Finding(string Kind, string Detail);

/// <summary>
/// What every answer of the fuzz must be: there within the bound; not a server error; the status its request calls
/// for; for an error, the body <c>{"error": "..."}</c>, and for a 405 an Allow header; and one the document allows.
/// </summary>
internal static class FuzzChecks
{
    public const string NoAnswer = "no answer";
    public const string ServerError = "server error";
    public const string WrongStatus = "wrong status";
    public const string NoAllowHeader = "405 without Allow";
    public const string ErrorBody = "error body";
    public const string Document = "not in the document (Ajv)";

    public static async Task<IReadOnlyList<Finding>> FindingsAsync(Sent sent)
    {
        if (sent.Answer is not { } answer)
        {
            return new[] { new Finding(NoAnswer, sent.Failure!) };
        }

        var findings = new List<Finding>();
        if (answer.Status >= 500)
        {
            findings.Add(new Finding(ServerError, $"{answer.Status}"));
        }
        else if (StatusProblem(sent.Request, answer.Status) is { } problem)
        {
            findings.Add(new Finding(WrongStatus, problem));
        }

        if (answer.Status == 405 && !answer.Headers.ContainsKey("Allow"))
        {
            findings.Add(new Finding(NoAllowHeader, "the 405 does not say which methods the path allows"));
        }

        // Kestrel's own refusal has no body to judge: only its status is checked.
        IReadOnlyList<string> judged = sent.Request.Expected == Expectation.RefusedByKestrel ? System.Array.Empty<string>() : await DocumentAnswers.ProblemsAsync(answer);
        findings.AddRange(judged.Select(problem => problem.StartsWith("Ajv: ", System.StringComparison.Ordinal)
            ? new Finding(Document, problem[5..])
            : new Finding(ErrorBody, problem)));
        if (sent.Failure is not null)
        {
            findings.Add(new Finding(NoAnswer, sent.Failure));
        }

        return findings;
    }

    private static string? StatusProblem(FuzzRequest request, int status) => request.Expected switch
    {
        Expectation.BadRequest when status != 400 => $"expected 400 ({request.Why}), got {status}",
        Expectation.Unauthorized when status != 401 => $"expected 401 ({request.Why}), got {status}",
        Expectation.MethodNotAllowed when status != 405 => $"expected 405 ({request.Why}), got {status}",
        Expectation.RefusedByKestrel when status != 400 => $"expected Kestrel's 400 ({request.Why}), got {status}",
        Expectation.Success when status is < 200 or > 299 => $"expected success ({request.Why}), got {status}",
        _ => null,
    };
}
