using System;
using BenchmarkDotNet.Running;
using ClicRdv.Benchmarks;

// dotnet run -c Release --project bench/ClicRdv.Benchmarks -- scenarios      counts and one-off timings
// dotnet run -c Release --project bench/ClicRdv.Benchmarks -- --filter '*'    every BenchmarkDotNet suite
// dotnet run -c Release --project bench/ClicRdv.Benchmarks -- emit-loop 30  box-platform's emit phase for 30 s, to attach a profiler to
if (args.Length > 0 && args[0] == "scenarios")
{
    await Scenarios.RunAsync();
    return;
}

if (args.Length > 1 && args[0] == "emit-loop")
{
    var generation = new GenerationBenchmarks { Document = "box-platform" };
    generation.Setup();
    var until = DateTime.UtcNow.AddSeconds(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
    var runs = 0;
    while (DateTime.UtcNow < until)
    {
        generation.ClicRdvEmit();
        runs++;
    }

    Console.WriteLine($"{runs} emit runs.");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GenerationBenchmarks).Assembly).Run(args);
