using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ClicRdv.Spec.Tests;

/// <summary>An independent linter, Redocly's CLI (pinned in tools/openapi-lint), finds no problem in the document.</summary>
public sealed class SpecLintTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Redocly_reports_no_error_and_no_warning()
    {
        var toolDirectory = Path.Combine(RepositoryPaths.Root, "tools", "openapi-lint");
        if (!File.Exists(Path.Combine(toolDirectory, "node_modules", "@redocly", "cli", "bin", "cli.js")))
        {
            var install = await RunAsync("npm", "ci --no-audit --no-fund", toolDirectory);
            Assert.True(install.ExitCode == 0, "npm ci failed:\n" + install.Output);
        }

        var lint = await RunAsync("node", $"node_modules/@redocly/cli/bin/cli.js lint \"{RepositoryPaths.Spec}\" --max-problems 100", toolDirectory);

        Assert.True(lint.ExitCode == 0, lint.Output);
        Assert.Contains("Your API description is valid", lint.Output);
        Assert.DoesNotContain("warning", lint.Output.Replace("Deprecation warning", string.Empty), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string command, string arguments, string directory)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new System.Threading.CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {arguments} did not finish within {Timeout}.");
        }

        return (process.ExitCode, await output + await error);
    }
}
