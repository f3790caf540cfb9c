using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ClicRdv.Testing;

namespace ClicRdv.Packages.Tests;

/// <summary>A consumer project in a temporary folder outside the repository, restoring from the package feed.</summary>
internal sealed class ConsumerProject : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    /// <summary>A Native AOT publish compiles and links the whole program: minutes on a small machine the first time.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    private ConsumerProject(string directory, string assemblyName) => (Directory, AssemblyName) = (directory, assemblyName);

    public string Directory { get; }

    /// <summary>The program's name: its project file's (Consumer for <c>Consumer.csproj</c>).</summary>
    public string AssemblyName { get; }

    /// <summary>
    /// Writes the files (one of them a project file, such as Consumer.csproj) and, unless they have one, a nuget.config
    /// that adds the feed. A nuget.config of their own reads the feed's packages from <c>packages/</c>, as the README's does.
    /// </summary>
    public static ConsumerProject Create(PackageFeed feed, IReadOnlyDictionary<string, string> files)
    {
        var directory = Path.Combine(Path.GetTempPath(), "clicrdv-consumer-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        if (files.ContainsKey("nuget.config"))
        {
            feed.CopyPackagesTo(Path.Combine(directory, "packages"));
        }
        else
        {
            File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local-feed" value="{feed.Directory}" />
                  </packageSources>
                </configuration>
                """);
        }

        var projectFile = files.Keys.Single(name => name.EndsWith(".csproj", StringComparison.Ordinal));
        var project = new ConsumerProject(directory, Path.GetFileNameWithoutExtension(projectFile));
        foreach (var file in files)
        {
            project.Write(file.Key, file.Value.Replace("Version=\"0.1.0\"", $"Version=\"{feed.Version}\"", StringComparison.Ordinal));
        }

        return project;
    }

    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary><c>dotnet build</c> with warnings as errors.</summary>
    public Task<(int ExitCode, string Output)> BuildAsync() =>
        ProcessRunner.RunAsync("dotnet", "build -warnaserror -nologo -clp:NoSummary", Directory, BuildTimeout);

    /// <summary>
    /// <c>dotnet publish</c> for linux-x64 with <paramref name="properties"/> (such as <c>-p:PublishAot=true</c>), into
    /// <c>published/</c>, with every trimming warning shown on its own (no single warning per assembly).
    /// </summary>
    public Task<(int ExitCode, string Output)> PublishAsync(string properties) =>
        ProcessRunner.RunAsync("dotnet", $"publish -r linux-x64 -o published -p:TrimmerSingleWarn=false {properties} -nologo -clp:NoSummary", Directory, PublishTimeout);

    /// <summary>Runs the published program with its arguments.</summary>
    public Task<(int ExitCode, string Output)> RunPublishedAsync(string arguments) =>
        ProcessRunner.RunAsync(Path.Combine(Directory, "published", AssemblyName), arguments, Directory, BuildTimeout);

    /// <summary>Runs the built program (a net8.0 one rolls forward to the installed runtime).</summary>
    public Task<(int ExitCode, string Output)> RunAsync(string targetFramework, IReadOnlyDictionary<string, string> environment)
    {
        var variables = new Dictionary<string, string>(environment) { ["DOTNET_ROLL_FORWARD"] = "Major" };
        return ProcessRunner.RunAsync("dotnet", $"bin/Debug/{targetFramework}/{AssemblyName}.dll", Directory, BuildTimeout, variables);
    }

    public void Dispose() => PackageFeed.TryDelete(Directory);

    /// <summary>The code block that follows <c>&lt;!-- snippet: name --&gt;</c> in README.md.</summary>
    public static string ReadmeSnippet(string name)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var match = Regex.Match(readme, @"<!-- snippet: " + Regex.Escape(name) + @" -->\s*```[a-z]*\n(?<code>.*?)```", RegexOptions.Singleline);
        return match.Success ? match.Groups["code"].Value : throw new InvalidOperationException($"README.md has no snippet '{name}'.");
    }
}
