using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ClicRdv.Benchmarks.Api;
using ClicRdv.Emulator;
using ClicRdv.Generator;
using ClicRdv.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ClicRdv.Benchmarks;

/// <summary>Measurements that are counts and one-off timings rather than micro-benchmarks.</summary>
internal static class Scenarios
{
    /// <summary>Only the generation phases (<c>scenarios phases</c>), to compare emit changes quickly.</summary>
    public static void RunPhases() => GenerationPhases("box-platform", runs: 10);

    public static async Task RunAsync()
    {
        GenerationPhases("box-platform", runs: 10);
        CountReparsesAfterUnrelatedEdits(edits: 20);
        await SessionColdStartAsync(calls: 1000);
        HandlerOverheadInterleaved(rounds: 101, callsPerBatch: 2000);
    }

    private static double Median(System.Collections.Generic.List<double> values) => values.OrderBy(value => value).ElementAt(values.Count / 2);

    /// <summary>Where a generator run spends its time, phase by phase (medians): what to optimize first.</summary>
    private static void GenerationPhases(string document, int runs)
    {
        var text = Fixture.Read(document);
        var input = new ClicRdv.Generator.Model.DocumentInput(Fixture.Path(document), text, new ClicRdv.Generator.Model.GeneratorOptions("Bench.Api", false, false), "Bench.Api.doc", null);
        var phases = new[] { "parse", "model", "contracts", "json", "interfaces", "clients", "C# parse of the output" }.ToDictionary(name => name, _ => new System.Collections.Generic.List<double>());
        for (var run = 0; run < runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            var parsed = NSwag.OpenApiDocument.FromJsonAsync(text).GetAwaiter().GetResult();
            phases["parse"].Add(stopwatch.Elapsed.TotalMilliseconds);
            stopwatch.Restart();
            var model = ClicRdv.Generator.Parsing.DocumentParser.BuildModel(input, parsed).Document!;
            phases["model"].Add(stopwatch.Elapsed.TotalMilliseconds);
            stopwatch.Restart();
            ClicRdv.Generator.Emitting.ContractEmitter.Emit(model);
            phases["contracts"].Add(stopwatch.Elapsed.TotalMilliseconds);
            stopwatch.Restart();
            var json = ClicRdv.Generator.Emitting.JsonTypeCatalog.For(model, model.JsonContextClassName);
            ClicRdv.Generator.Emitting.JsonContextEmitter.Emit(model, json);
            phases["json"].Add(stopwatch.Elapsed.TotalMilliseconds);
            stopwatch.Restart();
            ClicRdv.Generator.Emitting.InterfaceEmitter.Emit(model);
            phases["interfaces"].Add(stopwatch.Elapsed.TotalMilliseconds);
            stopwatch.Restart();
            ClicRdv.Generator.Emitting.ClientEmitter.Emit(model, json);
            phases["clients"].Add(stopwatch.Elapsed.TotalMilliseconds);

            // What the compiler does with the output: it parses each generated file, as part of the generator's time.
            var sources = ClicRdv.Generator.Emitting.DocumentEmitter.Emit(model);
            stopwatch.Restart();
            foreach (var source in sources)
            {
                CSharpSyntaxTree.ParseText(source.Text).GetRoot();
            }

            phases["C# parse of the output"].Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"Generation phases for {document} (median of {runs} runs): " + string.Join(", ", phases.Select(phase => $"{phase.Key} {phase.Value.OrderBy(value => value).ElementAt(runs / 2):0.0} ms")));
    }

    /// <summary>How many times the document is parsed again when only unrelated C# changes (the goal is zero).</summary>
    private static void CountReparsesAfterUnrelatedEdits(int edits)
    {
        var tree = CSharpSyntaxTree.ParseText("namespace App; public class Edited { }");
        var compilation = CSharpCompilation.Create("App", new[] { tree }, Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = IncrementalBenchmarks.CreateDriver(new IncrementalBenchmarks.TextDocument(Fixture.Path("clicrdv.v1"), Fixture.Read("clicrdv.v1"))).RunGenerators(compilation);
        var reparses = 0;
        for (var edit = 1; edit <= edits; edit++)
        {
            var editedTree = tree.WithChangedText(SourceText.From($"namespace App; public class Edited {{ int Edit{edit} => 1; }}"));
            compilation = compilation.ReplaceSyntaxTree(tree, editedTree);
            tree = editedTree;
            driver = driver.RunGenerators(compilation);
            reparses += driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Parse]
                .SelectMany(step => step.Outputs)
                .Count(output => output.Reason is not IncrementalStepRunReason.Cached and not IncrementalStepRunReason.Unchanged);
        }

        Console.WriteLine($"Incremental: {reparses} re-parses of the document over {edits} unrelated C# edits.");
    }

    /// <summary>
    /// The handlers' added time, measured so that a busy machine cannot bias it: the three chains of
    /// <see cref="HandlerBenchmarks"/> run in turns (rotating which goes first), and each round's time of a chain is
    /// divided by the same round's time without handlers; the medians of those ratios are reported, with the bytes
    /// each call allocates.
    /// </summary>
    private static void HandlerOverheadInterleaved(int rounds, int callsPerBatch)
    {
        var bench = new HandlerBenchmarks();
        bench.Setup();
        var chains = new (string Name, Func<Task<Calendar>> Call)[] { ("none", bench.NoHandler), ("apikey + Basic", bench.ApiKeyAndBasic), ("apikey + session", bench.ApiKeyAndSession) };
        var perCall = chains.ToDictionary(chain => chain.Name, _ => new System.Collections.Generic.List<double>());
        var bytes = new System.Collections.Generic.Dictionary<string, double>();
        foreach (var chain in chains)
        {
            Batch(chain.Call, callsPerBatch * 5);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            Batch(chain.Call, callsPerBatch);
            bytes[chain.Name] = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)callsPerBatch;
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var turn = 0; turn < chains.Length; turn++)
            {
                var chain = chains[(round + turn) % chains.Length];
                var stopwatch = Stopwatch.StartNew();
                Batch(chain.Call, callsPerBatch);
                perCall[chain.Name].Add(stopwatch.Elapsed.TotalMilliseconds * 1000 / callsPerBatch);
            }
        }

        bench.Cleanup();
        var none = perCall["none"];
        Console.WriteLine($"Handlers, interleaved ({rounds} rounds of {callsPerBatch} calls per chain; medians): none {Median(none):0.00} us, {bytes["none"]:0} B per call");
        foreach (var chain in chains.Skip(1))
        {
            var ratios = perCall[chain.Name].Select((time, round) => time / none[round]).ToList();
            Console.WriteLine($"  {chain.Name}: {Median(perCall[chain.Name]):0.00} us, added time {(Median(ratios) - 1) * 100:+0.0;-0.0}% (median of per-round ratios), {bytes[chain.Name]:0} B per call (+{bytes[chain.Name] - bytes["none"]:0} B)");
        }

        static void Batch(Func<Task<Calendar>> call, int calls)
        {
            for (var index = 0; index < calls; index++)
            {
                call().GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>Many concurrent first calls through the session handler, against the emulator on loopback.</summary>
    private static async Task SessionColdStartAsync(int calls)
    {
        await using var emulator = await ClicRdvEmulator.StartAsync();
        var pro = emulator.Users.First(user => user.Kind == "pro");
        using var clicRdv = new ClicRdvClientFactory(
            new ClicRdvOptions { BaseAddress = emulator.BaseAddress, ApiKey = emulator.ApiKey, Authentication = ClicRdvAuthentication.ProSession, Email = pro.Email, Password = pro.Password },
            ApiClients.Factories, ApiJsonContext.Default);
        var groups = clicRdv.Create<IGroupsApi>();

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, calls).Select(_ => groups.ListGroups()));
        stopwatch.Stop();

        Console.WriteLine($"Session cold start: {calls} concurrent first calls, {emulator.Logins} login(s) on the server, {clicRdv.Session!.LoginCount} by the client, last answer after {stopwatch.Elapsed.TotalMilliseconds:0} ms.");
    }
}
