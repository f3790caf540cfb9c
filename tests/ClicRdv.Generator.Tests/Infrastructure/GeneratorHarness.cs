using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClicRdv.Generator.Tests.Infrastructure;

/// <summary>The outcome of running the generator once: what it added, what it reported, and the consumer's compilation.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Compilation, GeneratorRunResult Result)
{
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>Warnings and errors of the consumer's compilation with the generated code in it.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>The sources generated for the documents, without the client helpers added once per compilation.</summary>
    public IReadOnlyList<GeneratedSourceResult> DocumentSources =>
        Result.GeneratedSources.Where(source => !source.HintName.StartsWith("ClicRdv.Generated.", System.StringComparison.Ordinal)).ToList();

    /// <summary>The document sources besides <c>ApiServers</c>, the paging companions and the condition factories, which only some documents get: its contracts, JSON metadata, interfaces and clients.</summary>
    public IReadOnlyList<GeneratedSourceResult> SourcesBesideServers =>
        DocumentSources.Where(source => !new[] { ".Servers.g.cs", ".Paging.g.cs", ".Conditions.g.cs" }.Any(suffix => source.HintName.EndsWith(suffix, System.StringComparison.Ordinal))).ToList();

    /// <summary>Each document source's hint name and text, to compare two runs byte for byte.</summary>
    public IReadOnlyList<(string HintName, string Text)> DocumentTexts =>
        DocumentSources.Select(source => (source.HintName, source.SourceText.ToString())).ToList();

    /// <summary>The consumer's compilation, emitted and loaded into a collectible context (unload it when done), to run the generated code.</summary>
    public (System.Reflection.Assembly Assembly, System.Runtime.Loader.AssemblyLoadContext Context) Load(string contextName)
    {
        using var image = new System.IO.MemoryStream();
        var emitted = Compilation.Emit(image);
        Xunit.Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Take(10)));
        image.Position = 0;
        var context = new System.Runtime.Loader.AssemblyLoadContext(contextName, isCollectible: true);
        return (context.LoadFromStream(image), context);
    }

    public string Source(string hintNameSuffix) =>
        Result.GeneratedSources.Single(source => source.HintName.EndsWith(hintNameSuffix, System.StringComparison.Ordinal)).SourceText.ToString();
}

/// <summary>Runs the generator the way the compiler does, on a consumer compilation built from reference assemblies.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>.NET 10's reference assemblies, without Refit.</summary>
    public static readonly ImmutableArray<MetadataReference> FrameworkReferences =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();

    private static readonly ImmutableArray<MetadataReference> References =
        FrameworkReferences.Add(MetadataReference.CreateFromFile(typeof(Refit.RestService).Assembly.Location));

    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(References, sources);

    public static CSharpCompilation CreateCompilation(IEnumerable<MetadataReference> references, params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(source => CSharpSyntaxTree.ParseText(source, ParseOptions)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string>? globalOptions = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? perFile = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            files,
            ParseOptions,
            new TestOptionsProvider(globalOptions ?? new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" }, perFile),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver, output, driver.GetRunResult().Results.Single());
    }

    /// <summary>
    /// Runs the generator on one document, by default into the namespace <c>Consumer</c> (named on the document's item,
    /// so that the output does not depend on the file's name); a null <paramref name="namespace"/> leaves the
    /// namespace to the project's options.
    /// </summary>
    public static GeneratorRun Run(string path, string text, IReadOnlyDictionary<string, string>? globalOptions = null, string? @namespace = "Consumer") =>
        Run(
            CreateDriver(
                new[] { new InMemoryAdditionalText(path, text) },
                globalOptions,
                @namespace is null ? null : new Dictionary<string, IReadOnlyDictionary<string, string>> { [path] = InNamespace(@namespace) }),
            CreateCompilation());

    /// <summary>A document's item metadata that names its namespace.</summary>
    public static IReadOnlyDictionary<string, string> InNamespace(string @namespace) =>
        new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ClicRdvNamespace"] = @namespace };
}
