using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace ClicRdv.Testing;

/// <summary>Installs a tool's npm packages from its committed package-lock.json, when node_modules does not hold them yet.</summary>
public static class NpmPackages
{
    /// <summary>Runs <c>npm ci</c> in <paramref name="directory"/> unless every package of its lock file is installed at its locked version.</summary>
    public static async Task EnsureInstalledAsync(string directory, TimeSpan timeout)
    {
        if (IsInstalled(directory))
        {
            return;
        }

        var (exitCode, output) = await ProcessRunner.RunAsync("npm", "ci --no-audit --no-fund", directory, timeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed in {Path.GetRelativePath(RepositoryPaths.Root, directory)}:\n{output}");
        }
    }

    private static bool IsInstalled(string directory)
    {
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "package-lock.json")));
        return lockFile.RootElement.GetProperty("packages").EnumerateObject()
            .Where(package => package.Name.Length > 0)
            .All(package => InstalledVersion(Path.Combine(directory, package.Name, "package.json")) == package.Value.GetProperty("version").GetString());
    }

    private static string? InstalledVersion(string manifest)
    {
        if (!File.Exists(manifest))
        {
            return null;
        }

        using var installed = JsonDocument.Parse(File.ReadAllText(manifest));
        return installed.RootElement.TryGetProperty("version", out var version) ? version.GetString() : null;
    }
}
