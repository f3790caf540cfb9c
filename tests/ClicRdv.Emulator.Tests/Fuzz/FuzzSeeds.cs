using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>
/// Which requests a run sends. By default every case of the plan, each generated from a fixed seed on a stream of its
/// own (derived from its operation and name), so that every run sends the same requests: a failure is a regression, not
/// bad luck. Each request names its seed.
/// <list type="bullet">
/// <item>To replay one request: <c>CLICRDV_FUZZ_SEED=&lt;seed&gt; dotnet test --filter EmulatorFuzzTests</c>.</item>
/// <item>To look for new failures with random seeds: <c>CLICRDV_FUZZ_EXPLORE=&lt;number of requests&gt;</c>; each
/// failure prints the seed that replays it. Cases are not shrunk: each one changes the emulator's data, so a smaller
/// case run later would not meet the same state.</item>
/// </list>
/// </summary>
internal static class FuzzSeeds
{
    private const ulong FixedSeed = 20261202;

    public static IReadOnlyList<FuzzRequest> Choose(IReadOnlyList<CaseSlot> slots)
    {
        if (Environment.GetEnvironmentVariable("CLICRDV_FUZZ_SEED") is { Length: > 0 } seed)
        {
            var split = seed.LastIndexOf('/');
            var slot = slots.FirstOrDefault(candidate => candidate.Key == seed[..Math.Max(split, 0)])
                ?? throw new ArgumentException($"CLICRDV_FUZZ_SEED={seed} names no case of the plan (operationId/case/seed).");
            return new[] { Generate(slot, PCG.Parse(seed[(split + 1)..])) };
        }

        if (int.TryParse(Environment.GetEnvironmentVariable("CLICRDV_FUZZ_EXPLORE"), out var count))
        {
            return Enumerable.Range(0, count)
                .Select(_ => Generate(slots[Random.Shared.Next(slots.Count)], new PCG((uint)Random.Shared.Next(), (ulong)Random.Shared.NextInt64())))
                .ToList();
        }

        return slots.Select(slot => Generate(slot, new PCG(Stream(slot.Key), FixedSeed))).ToList();
    }

    private static FuzzRequest Generate(CaseSlot slot, PCG pcg)
    {
        var seed = pcg.ToString();
        return slot.Gen.Generate(pcg, null, out _) with { Seed = $"{slot.Key}/{seed}" };
    }

    /// <summary>FNV-1a of the case's key: the same stream on every run and every machine.</summary>
    private static uint Stream(string key) => key.Aggregate(2166136261u, (hash, character) => (hash ^ character) * 16777619u);
}
