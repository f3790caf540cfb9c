using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ClicRdv.Emulator.Tests;

/// <summary>The README's "run" command works: the sample runs its scenario on the emulator and exits 0.</summary>
public sealed class SampleTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private static string Sample => RepositoryPaths.Program("samples/ClicRdv.Sample");

    [Fact]
    public async Task The_sample_runs_to_the_end_on_the_emulator()
    {
        var (exitCode, output) = await ProcessRunner.RunAsync("dotnet", $"\"{Sample}\"", RepositoryPaths.Root, RunTimeout);

        Assert.True(exitCode == 0, output);
        Assert.Contains("With ProSession authentication:", output);
        Assert.Contains("With Basic authentication:", output);
        Assert.Matches(@"  \d+ customers, read 2 per request", output);
        Assert.Matches(@"  customers named Durand or Dupont: \w+ Durand\r?\n", output);
        Assert.Contains("booked appointment", output);
        Assert.Contains("booking the same slot again is refused: 400, code 10 (NotAvailable)", output);
        Assert.Contains("Done.", output);
    }

    /// <summary>The same scenario, sent through a proxy that keeps the answers: each one is judged by the OpenAPI document.</summary>
    [Fact]
    public async Task Every_answer_the_sample_receives_matches_the_document()
    {
        await using var emulator = await ClicRdvEmulator.StartAsync();
        await using var proxy = await RecordingProxy.StartAsync(emulator.BaseAddress);
        var pro = emulator.Users.First(user => user.Kind == "pro");

        var (exitCode, text) = await ProcessRunner.RunAsync("dotnet", $"\"{Sample}\"", RepositoryPaths.Root, RunTimeout, new Dictionary<string, string>
        {
            ["CLICRDV_BASE_URL"] = proxy.BaseAddress.ToString(),
            ["CLICRDV_APIKEY"] = emulator.ApiKey,
            ["CLICRDV_EMAIL"] = pro.Email,
            ["CLICRDV_PASSWORD"] = pro.Password,
        });

        Assert.True(exitCode == 0, Secrets.Redact(text, emulator));
        Assert.Contains("Done.", text);
        await DocumentAnswers.AssertAllValidAsync(proxy.Answers.ToList(), answer => Secrets.Redact(answer, emulator), output);
    }
}
