using System.Linq;
using ClicRdv.Generator.Tests.Infrastructure;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// The code generated from each fixture document: it matches its reviewed snapshot, and it compiles with nullable
/// enabled and no warning at all (consumers build with warnings as errors).
/// </summary>
public sealed class GeneratedCodeTests
{
    public static TheoryData<string> FixtureDocuments => new() { "petstore", "constructs", "hostile-names", "clicrdv.v1" };

    [Theory]
    [MemberData(nameof(FixtureDocuments))]
    public void Output_matches_the_snapshot(string fixture)
    {
        var run = GeneratorHarness.Run(fixture + ".openapi.json", Fixtures.Read(fixture + ".openapi.json"));

        foreach (var source in run.Result.GeneratedSources)
        {
            Snapshot.Verify(source.HintName.Replace(".g.cs", string.Empty), source.SourceText.ToString());
        }

        Assert.Equal(3, run.Result.GeneratedSources.Length);
    }

    [Theory]
    [MemberData(nameof(FixtureDocuments))]
    public void Output_compiles_without_errors_or_warnings(string fixture)
    {
        var run = GeneratorHarness.Run(fixture + ".openapi.json", Fixtures.Read(fixture + ".openapi.json"));

        Assert.Empty(run.GeneratorDiagnostics.Select(diagnostic => diagnostic.ToString()));
        Assert.Empty(run.CompilationProblems.Select(diagnostic => diagnostic.ToString()));
    }
}
