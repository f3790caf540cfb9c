using System;
using System.IO;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Xunit;

namespace ClicRdv.Packages.Tests;

/// <summary>
/// Packs ClicRdv.Generator and ClicRdv.Runtime once, with a version of their own (so that NuGet's cache never serves an
/// older build), into a folder feed; removes the feed and the cached copies at the end.
/// </summary>
public sealed class PackageFeed : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "clicrdv-feed-" + Guid.NewGuid().ToString("N"));

    public string PackageFile(string id) => Path.Combine(Directory, $"{id}.{Version}.nupkg");

    /// <summary>Copies the packages into <paramref name="folder"/>, a feed of a consumer's own.</summary>
    public void CopyPackagesTo(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        foreach (var id in new[] { "ClicRdv.Generator", "ClicRdv.Runtime" })
        {
            File.Copy(PackageFile(id), Path.Combine(folder, Path.GetFileName(PackageFile(id))));
        }
    }

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var project in new[] { "generator/ClicRdv.Generator/ClicRdv.Generator.csproj", "runtime/ClicRdv.Runtime/ClicRdv.Runtime.csproj" })
        {
            var (exitCode, output) = await ProcessRunner.RunAsync(
                "dotnet",
                $"pack \"{Path.Combine(RepositoryPaths.Root, project)}\" -c Release -o \"{Directory}\" -p:Version={Version} -p:ContinuousIntegrationBuild=true -nologo",
                RepositoryPaths.Root,
                PackTimeout);
            Assert.True(exitCode == 0, $"dotnet pack {project} failed:\n{output}");
        }
    }

    public Task DisposeAsync()
    {
        TryDelete(Directory);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TryDelete(Path.Combine(cache, "clicrdv.generator", Version));
        TryDelete(Path.Combine(cache, "clicrdv.runtime", Version));
        return Task.CompletedTask;
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; failing the run over it would not be.
        }
    }
}
