using System.Linq;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>
/// A fuzz of the emulator driven by the OpenAPI document: for every operation it has (a new one is fuzzed as it is
/// added), valid requests and requests broken one way, sent raw (<see cref="CasePlan"/>). No answer is a server error,
/// every error has the body <c>{"error": "..."}</c>, every request is answered within a hang bound while a concurrent
/// probe keeps being answered, a request that breaks the document or a stated bound is refused with 400, and every
/// answer is one the document allows, as Ajv judges it.
/// </summary>
public sealed class EmulatorFuzzTests(ITestOutputHelper output) : EmulatorTest(output)
{
    [Fact]
    public async Task Valid_and_broken_requests_for_every_operation_get_answers_the_document_allows()
    {
        var (_, operations) = DocumentOperation.ReadAll(RepositoryPaths.Spec);
        var report = new FuzzReport(text => Secrets.Redact(text, Emulator));
        using var client = new FuzzClient(Emulator.BaseAddress, Pro.Email, Pro.Password);
        var run = new FuzzRun(client, Emulator.ApiKey, report);

        await run.LogInAsync(Pro.Email, Pro.Password);
        var ids = await run.DiscoverAsync(operations);
        var values = new ValidValues(ids);
        var plan = new CasePlan(new ValidRequests(values, Emulator.ApiKey), values);
        var requests = FuzzSeeds.Choose(operations.SelectMany(plan.For).Concat(plan.WrongMethods(operations)).ToList());
        await run.SendAllAsync(requests);

        var validator = await DocumentAnswers.ValidatorAsync();
        Output!.WriteLine(report.Figures());
        Output.WriteLine($"Response schemas Ajv cannot compile: {validator.UncompilableSchemas.Count}; formats not checked: {string.Join(", ", validator.UncheckedFormats.DefaultIfEmpty("none"))}.");
        Output.WriteLine(report.AllFailures());
        Assert.True(report.Failures.Count == 0 && report.NotSent.Count == 0, report.Describe());
    }
}
