using System;
using System.IO;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace ClicRdv.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions with Verify's conventions: the expected text is <c>Snapshots/{name}.verified.cs</c> in the test
/// project's folder (found from the test assembly's folder, since CI builds map source paths away); on a mismatch or a missing snapshot the actual text is written to <c>{name}.received.cs</c> and the
/// test fails. The generator's version is scrubbed. Set <c>ACCEPT_SNAPSHOTS=1</c> (never in CI) to accept the received text as the new snapshot.
/// </summary>
internal static class Snapshot
{
    private static readonly string Directory = FindSnapshotDirectory();

    public static void Verify(string name, string actual)
    {
        var directory = Directory;
        var verifiedPath = Path.Combine(directory, name + ".verified.cs");
        var receivedPath = Path.Combine(directory, name + ".received.cs");
        var normalized = ScrubVersion(actual.Replace("\r\n", "\n"));

        if (File.Exists(verifiedPath) && File.ReadAllText(verifiedPath).Replace("\r\n", "\n") == normalized)
        {
            File.Delete(receivedPath);
            return;
        }

        System.IO.Directory.CreateDirectory(directory);
        if (IsAccepting)
        {
            File.WriteAllText(verifiedPath, normalized);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, normalized);
        var reason = File.Exists(verifiedPath) ? "does not match" : "has no verified snapshot";
        throw new XunitException(
            $"The generated '{name}' {reason}. Compare {receivedPath} with {verifiedPath}; " +
            "if the new output is right, rerun with ACCEPT_SNAPSHOTS=1 (or rename the .received.cs file to .verified.cs).");
    }

    /// <summary>The generator's version changes with every release; the snapshots should not.</summary>
    private static string ScrubVersion(string text) =>
        Regex.Replace(text, @"GeneratedCode\(""ClicRdv\.Generator"", ""[^""]*""\)", @"GeneratedCode(""ClicRdv.Generator"", ""{version}"")");

    private static string FindSnapshotDirectory()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ClicRdv.Generator.Tests.csproj")))
            {
                return Path.Combine(folder.FullName, "Snapshots");
            }
        }

        throw new InvalidOperationException("The test project's folder was not found above " + AppContext.BaseDirectory);
    }

    private static bool IsAccepting =>
        Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1"
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
