using System;
using BenchmarkDotNet.Running;
using ClicRdv.Benchmarks;

// dotnet run -c Release --project bench/ClicRdv.Benchmarks -- scenarios      counts and one-off timings
// dotnet run -c Release --project bench/ClicRdv.Benchmarks -- --filter '*'    every BenchmarkDotNet suite
if (args.Length > 0 && args[0] == "scenarios")
{
    await Scenarios.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GenerationBenchmarks).Assembly).Run(args);
