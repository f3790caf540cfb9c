using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ClicRdv.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ClicRdv.Benchmarks;

/// <summary>
/// The generator inside the compiler: a cold run on a compilation, against a run after an edit to an unrelated C# file
/// (what happens on each keystroke in the IDE). Each measured run sees a new edit.
/// </summary>
[MemoryDiagnoser]
public class IncrementalBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private CSharpCompilation _compilation = null!;
    private SyntaxTree _edited = null!;
    private AdditionalText _document = null!;
    private GeneratorDriver _warmDriver = null!;
    private int _edit;

    [GlobalSetup]
    public void Setup()
    {
        var sources = Enumerable.Range(0, 50).Select(index => CSharpSyntaxTree.ParseText($"namespace App; public class Type{index} {{ public int Value{index} {{ get; set; }} }}", ParseOptions));
        _compilation = CSharpCompilation.Create("App", sources, Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _edited = _compilation.SyntaxTrees.First();
        _document = new TextDocument(Fixture.Path("clicrdv.v1"), Fixture.Read("clicrdv.v1"));
        _warmDriver = CreateDriver(_document).RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true, Description = "Cold run")]
    public GeneratorDriver ColdRun() => CreateDriver(_document).RunGenerators(_compilation);

    [Benchmark(Description = "Run after an unrelated edit")]
    public GeneratorDriver RunAfterUnrelatedEdit()
    {
        var tree = _edited.WithChangedText(SourceText.From($"namespace App; public class Type0 {{ public int Value0 {{ get; set; }} public int Edit{++_edit} => 1; }}"));
        var compilation = _compilation.ReplaceSyntaxTree(_edited, tree);
        _edited = tree;
        _compilation = compilation;
        return _warmDriver = _warmDriver.RunGenerators(compilation);
    }

    /// <summary>A driver for one document, tracking its steps (so that a scenario can count re-parses).</summary>
    internal static GeneratorDriver CreateDriver(AdditionalText document) =>
        CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            ImmutableArray.Create(document),
            ParseOptions,
            new RootNamespaceOptions(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    internal sealed class TextDocument(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
    }

    private sealed class RootNamespaceOptions : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Options : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = key == "build_property.RootNamespace" ? "App" : null;
                return value is not null;
            }
        }
    }
}
