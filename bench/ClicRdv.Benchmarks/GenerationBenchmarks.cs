using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using ClicRdv.Generator.Emitting;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Parsing;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace ClicRdv.Benchmarks;

/// <summary>
/// One generator run on a document, against NSwag's own C# client generation on the same document. Both read the
/// document with NSwag.Core, so reading ("Parse") is timed on its own, and each side's generation from an already
/// read document ("Generate", "Emit": building the model and writing C#) too.
/// </summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private string _text = string.Empty;
    private OpenApiDocument _document = null!;
    private DocumentInput _input = null!;

    [Params("clicrdv.v1", "box-platform")]
    public string Document { get; set; } = "clicrdv.v1";

    [GlobalSetup]
    public void Setup()
    {
        _text = Fixture.Read(Document);
        _document = OpenApiDocument.FromJsonAsync(_text).GetAwaiter().GetResult();
        _input = new DocumentInput(Fixture.Path(Document), _text, new GeneratorOptions("Bench.Api", IsInternal: false, UseApiResponse: false), "Bench.Api.doc", null);
    }

    [Benchmark(Baseline = true, Description = "NSwag: parse + generate")]
    public string NSwagParseAndGenerate() => new CSharpClientGenerator(OpenApiDocument.FromJsonAsync(_text).GetAwaiter().GetResult(), new CSharpClientGeneratorSettings()).GenerateFile();

    [Benchmark(Description = "Parse (NSwag.Core, both)")]
    public OpenApiDocument Parse() => OpenApiDocument.FromJsonAsync(_text).GetAwaiter().GetResult();

    [Benchmark(Description = "NSwag: generate")]
    public string NSwagGenerate() => new CSharpClientGenerator(_document, new CSharpClientGeneratorSettings()).GenerateFile();

    [Benchmark(Description = "ClicRdv: whole run")]
    public int ClicRdvWholeRun() => Emit(DocumentParser.Parse(_input, CancellationToken.None));

    [Benchmark(Description = "ClicRdv: emit (model + C#)")]
    public int ClicRdvEmit() => Emit(DocumentParser.BuildModel(_input, _document));

    private static int Emit(ParseResult result) => DocumentEmitter.Emit(result.Document!).Sum(source => source.Text.Length);
}
