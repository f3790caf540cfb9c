using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using CsCheck;
using Xunit;

namespace ClicRdv.Generator.Tests.PropertyBased;

/// <summary>
/// Runs a property over generated cases. By default the cases are the same on every run (case i is generated from a
/// fixed seed on stream i), so that CI is deterministic: a failure is a regression, not bad luck. Each failure names its
/// case's seed.
/// <list type="bullet">
/// <item>To replay one case: <c>CLICRDV_PROPERTY_SEED=&lt;seed&gt; dotnet test --filter GeneratorPropertyTests</c>.</item>
/// <item>To look for new failures with random cases, and have CsCheck shrink the first one it finds:
/// <c>CLICRDV_PROPERTY_EXPLORE=&lt;number of cases&gt;</c>; CsCheck then prints a seed that replays the same way.</item>
/// </list>
/// </summary>
internal static class CaseRunner
{
    private const ulong FixedSeed = 20260417;
    private const int MaxReportedFailures = 5;

    public static void Run<T>(Gen<T> gen, int count, Action<T> check)
    {
        if (Environment.GetEnvironmentVariable("CLICRDV_PROPERTY_SEED") is { Length: > 0 } seed)
        {
            check(gen.Generate(PCG.Parse(seed), null, out _));
            return;
        }

        if (int.TryParse(Environment.GetEnvironmentVariable("CLICRDV_PROPERTY_EXPLORE"), out var exploreCount))
        {
            gen.Sample(check, iter: exploreCount);
            return;
        }

        var failures = new ConcurrentBag<(int Case, string Message)>();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            var pcg = new PCG((uint)index, FixedSeed);
            var caseSeed = pcg.ToString();
            T value = default!;
            try
            {
                value = gen.Generate(pcg, null, out _);
                check(value);
            }
            catch (Exception exception)
            {
                failures.Add((index, $"Case {index} (CLICRDV_PROPERTY_SEED={caseSeed}) {Describe(value)}:\n{exception.Message}"));
            }
        });

        var reported = failures.OrderBy(failure => failure.Case).Take(MaxReportedFailures).Select(failure => failure.Message);
        Assert.True(failures.IsEmpty, $"{failures.Count} of {count} cases failed:\n\n" + string.Join("\n\n", reported));
    }

    private static string Describe<T>(T value) => value switch
    {
        MutatedDocument mutated => mutated.ToString(),
        _ => string.Empty,
    };
}
