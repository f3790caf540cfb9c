using System;
using BenchmarkDotNet.Running;
using ClicRdv.Benchmarks;

// dotnet run -c Release --project bench/ClicRdv.Benchmarks -- scenarios      counts and one-off timings
// dotnet run -c Release --project bench/ClicRdv.Benchmarks -- scenarios phases     box-platform's generation, phase by phase
// dotnet run -c Release --project bench/ClicRdv.Benchmarks -- scenarios per-call   the per-call clients, interleaved
// dotnet run -c Release --project bench/ClicRdv.Benchmarks -- --filter '*'    every BenchmarkDotNet suite
// dotnet run -c Release --project bench/ClicRdv.Benchmarks -- loop emit 30   box-platform's emit phase (or "whole" run) for 30 s, to profile
if (args.Length > 1 && args[0] == "scenarios" && args[1] is "phases" or "per-call")
{
    if (args[1] == "phases")
    {
        Scenarios.RunPhases();
    }
    else
    {
        Scenarios.RunPerCall();
    }

    return;
}

if (args.Length > 0 && args[0] == "scenarios")
{
    await Scenarios.RunAsync();
    return;
}

if (args.Length > 2 && args[0] == "loop")
{
    var generation = new GenerationBenchmarks { Document = "box-platform" };
    generation.Setup();
    Func<int> run = args[1] == "whole" ? generation.ClicRdvWholeRun : generation.ClicRdvEmit;
    var until = DateTime.UtcNow.AddSeconds(int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    var runs = 0;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var gen2Before = GC.CollectionCount(2);
    while (DateTime.UtcNow < until)
    {
        run();
        runs++;
    }

    Console.WriteLine($"{runs} {args[1]} runs, {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0 / runs:0.0} MB allocated per run, {GC.CollectionCount(2) - gen2Before} gen2 collections.");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GenerationBenchmarks).Assembly).Run(args);
