using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Xunit;

namespace ClicRdv.Spec.Tests;

/// <summary>
/// An independent linter, Redocly's CLI (pinned in tools/openapi-lint, with its rules in redocly.yaml there), finds no
/// problem in the document, and no example its schema refuses.
/// </summary>
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

        var lint = await RunAsync("node", $"node_modules/@redocly/cli/bin/cli.js lint \"{RepositoryPaths.Spec}\" --config redocly.yaml --max-problems 100", toolDirectory);

        Assert.True(lint.ExitCode == 0, lint.Output);
        Assert.Contains("Your API description is valid", lint.Output);
        Assert.DoesNotContain("warning", lint.Output.Replace("Deprecation warning", string.Empty), StringComparison.OrdinalIgnoreCase);
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string command, string arguments, string directory) =>
        ProcessRunner.RunAsync(command, arguments, directory, Timeout, new Dictionary<string, string>
        {
            ["NO_COLOR"] = "1",
            ["REDOCLY_TELEMETRY"] = "off",
            ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
        });
}
