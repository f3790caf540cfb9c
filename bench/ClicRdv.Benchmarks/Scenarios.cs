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

    /// <summary>Only the per-call comparison (<c>scenarios per-call</c>).</summary>
    public static void RunPerCall() => PerCallInterleaved(rounds: 51, callsPerBatch: 2000);

    public static async Task RunAsync()
    {
        GenerationPhases("box-platform", runs: 10);
        CountReparsesAfterUnrelatedEdits(edits: 20);
        await SessionColdStartAsync(calls: 1000);
        HandlerOverheadInterleaved(rounds: 101, callsPerBatch: 2000);
        PerCallInterleaved(rounds: 51, callsPerBatch: 2000);
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
            var json = ClicRdv.Generator.Emitting.JsonTypeCatalog.For(model);
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
    /// The handler chains' cost per call, measured interleaved (see <see cref="CompareInterleaved"/>): a busy machine
    /// slows every chain of a round alike, so the per-round ratio stays fair where BenchmarkDotNet's error bars do not.
    /// </summary>
    private static void HandlerOverheadInterleaved(int rounds, int callsPerBatch)
    {
        var bench = new HandlerBenchmarks();
        bench.Setup();
        CompareInterleaved("Handlers", new (string, Func<Task>)[] { ("none", bench.NoHandler), ("apikey + Basic", bench.ApiKeyAndBasic), ("apikey + session", bench.ApiKeyAndSession) }, rounds, callsPerBatch);
        bench.Cleanup();
    }

    /// <summary>The per-call benchmarks' clients, interleaved, each operation against hand-written HttpClient + reflection-based STJ.</summary>
    private static void PerCallInterleaved(int rounds, int callsPerBatch)
    {
        var bench = new PerCallBenchmarks();
        bench.Setup();
        CompareInterleaved("Get one calendar", new (string, Func<Task>)[] { ("hand-written", bench.GetHandwritten), ("hand-written, STJ source generator", bench.GetHandwrittenSourceGenerated), ("Refit generator", bench.GetRefit), ("ClicRdv generated", bench.GetGenerated) }, rounds, callsPerBatch);
        CompareInterleaved("Create a calendar", new (string, Func<Task>)[] { ("hand-written", bench.CreateHandwritten), ("hand-written, STJ source generator", bench.CreateHandwrittenSourceGenerated), ("Refit generator", bench.CreateRefit), ("ClicRdv generated", bench.CreateGenerated) }, rounds, callsPerBatch);
        CompareInterleaved("List 25 calendars", new (string, Func<Task>)[] { ("hand-written", bench.ListHandwritten), ("hand-written, STJ source generator", bench.ListHandwrittenSourceGenerated), ("Refit generator", bench.ListRefit), ("ClicRdv generated", bench.ListGenerated) }, rounds, callsPerBatch / 10);
        bench.Cleanup();
    }

    /// <summary>
    /// Runs batches of calls of each variant in turn, round after round (the order rotating), and reports each
    /// variant's median time per call, its median ratio to the first variant within the same round, and its bytes
    /// allocated per call.
    /// </summary>
    private static void CompareInterleaved(string title, (string Name, Func<Task> Call)[] variants, int rounds, int callsPerBatch)
    {
        var perCall = variants.ToDictionary(variant => variant.Name, _ => new System.Collections.Generic.List<double>());
        var bytes = new System.Collections.Generic.Dictionary<string, double>();
        foreach (var variant in variants)
        {
            Batch(variant.Call, callsPerBatch * 5);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            Batch(variant.Call, callsPerBatch);
            bytes[variant.Name] = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)callsPerBatch;
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var turn = 0; turn < variants.Length; turn++)
            {
                var variant = variants[(round + turn) % variants.Length];
                var stopwatch = Stopwatch.StartNew();
                Batch(variant.Call, callsPerBatch);
                perCall[variant.Name].Add(stopwatch.Elapsed.TotalMilliseconds * 1000 / callsPerBatch);
            }
        }

        var baseline = variants[0].Name;
        Console.WriteLine($"{title}, interleaved ({rounds} rounds of {callsPerBatch} calls per variant; medians): {baseline} {Median(perCall[baseline]):0.00} us, {bytes[baseline]:0} B per call");
        foreach (var (name, _) in variants.Skip(1))
        {
            var ratios = perCall[name].Select((time, round) => time / perCall[baseline][round]).OrderBy(ratio => ratio).ToList();
            Console.WriteLine($"  {name}: {Median(perCall[name]):0.00} us, {Median(ratios):0.000}x (per-round ratios, quartiles {ratios[ratios.Count / 4]:0.000}-{ratios[3 * ratios.Count / 4]:0.000}), {bytes[name]:0} B per call ({bytes[name] / bytes[baseline]:0.00}x)");
        }

        static void Batch(Func<Task> call, int calls)
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

        Console.WriteLine($"Session cold start: {calls} concurrent first calls, {emulator.Logins} login(s) on the server, last answer after {stopwatch.Elapsed.TotalMilliseconds:0} ms.");
    }
}
