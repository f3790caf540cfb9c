using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace ClicRdv.Generator.Tests.Reference;

/// <summary>
/// The System.Text.Json source generator as the SDK ships it (in the Microsoft.NETCore.App targeting pack), loaded to
/// run on the generated contracts: its output is the reference the emitted metadata is compared with.
/// </summary>
internal static class SystemTextJsonGenerator
{
    private const string TypeName = "System.Text.Json.SourceGeneration.JsonSourceGenerator";

    private static readonly Lazy<ISourceGenerator> Instance = new(Load);

    public static ISourceGenerator Generator => Instance.Value;

    private static ISourceGenerator Load()
    {
        // shared/Microsoft.NETCore.App/{version}/ -> packs/Microsoft.NETCore.App.Ref/{version}/analyzers/dotnet/cs/
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var dotnetRoot = runtime.Parent!.Parent!.Parent!.FullName;
        var major = Environment.Version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
        var pack = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref"))
            .Where(directory => Path.GetFileName(directory).StartsWith(major, StringComparison.Ordinal))
            .OrderBy(directory => Version.TryParse(Path.GetFileName(directory), out var version) ? version : new Version(0, 0))
            .LastOrDefault()
            ?? throw new InvalidOperationException($"No Microsoft.NETCore.App.Ref {major}x targeting pack under {dotnetRoot}.");
        var assembly = Assembly.LoadFrom(Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll"));
        var generator = (IIncrementalGenerator)Activator.CreateInstance(assembly.GetType(TypeName, throwOnError: true)!)!;
        return generator.AsSourceGenerator();
    }
}
