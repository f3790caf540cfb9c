using System;
using System.Linq;
using System.Threading.Tasks;
using ClicRdv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClicRdv.Generator.Tests.PropertyBased;

/// <summary>
/// What must hold for any input text: the generator finishes in bounded time without throwing and without CRDV099;
/// every diagnostic points into the document; either an error was reported and nothing was generated, or the generated
/// code compiles with no error and no warning; and a second run on the same text gives the same bytes.
/// </summary>
internal static class GeneratorProperties
{
    public const string DocumentPath = "/project/api.openapi.json";

    public const string YamlDocumentPath = "/project/api.openapi.yaml";

    /// <summary>Generous for one document (a run takes well under a second), short enough that a hang fails the test.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(20);

    /// <summary>Checks every property and returns the run, with its generated code, for further checks.</summary>
    /// <param name="closedEnums">Generates with <c>ClicRdvClosedEnums</c>: C# enums instead of open structs.</param>
    /// <param name="documentPath">The document's path, whose suffix says whether it is JSON or YAML.</param>
    public static GeneratorRun Check(string text, bool closedEnums = false, string documentPath = DocumentPath)
    {
        var options = new System.Collections.Generic.Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" };
        if (closedEnums)
        {
            options["build_property.ClicRdvClosedEnums"] = "true";
        }

        var first = RunWithTimeLimit(text, options, documentPath: documentPath);
        Assert.True(first.Result.Exception is null, $"The generator threw: {first.Result.Exception}");
        var crash = first.GeneratorDiagnostics.FirstOrDefault(diagnostic => diagnostic.Id == "CRDV099");
        Assert.True(crash is null, $"The generator failed unexpectedly: {crash}");

        foreach (var diagnostic in first.GeneratorDiagnostics)
        {
            AssertLocatedInDocument(diagnostic, text, documentPath);
        }

        var hasError = first.GeneratorDiagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        if (hasError)
        {
            // The convention: a document with an error generates nothing, rather than half of its code.
            Assert.Empty(first.Result.GeneratedSources);
        }
        else
        {
            Assert.All(first.GeneratorDiagnostics, diagnostic => Assert.Contains(diagnostic.Id, new[] { "CRDV100", "CRDV101", "CRDV102", "CRDV103", "CRDV104", "CRDV106", "CRDV107" }));
            Assert.Equal(4, first.SourcesBesideServers.Count);

            // Consumers build with warnings as errors: a warning in generated code breaks their build as surely as an error.
            var problems = first.CompilationProblems;
            Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(10)));
        }

        AssertSameOutput(first, RunWithTimeLimit(text, options, bypassCache: true, documentPath));
        return first;
    }

    /// <summary>Runs the generator on a thread of its own, so that a hang fails the case instead of the whole test run.</summary>
    /// <param name="bypassCache">Computes everything again rather than taking the generator's cached result of an equal input.</param>
    public static GeneratorRun RunWithTimeLimit(string text, System.Collections.Generic.IReadOnlyDictionary<string, string>? globalOptions = null, bool bypassCache = false, string documentPath = DocumentPath)
    {
        var run = Task.Run(() =>
        {
            using var bypass = bypassCache ? GenerationCache.BypassOnThisThread() : null;
            return GeneratorHarness.Run(documentPath, text, globalOptions);
        });
        Assert.True(run.Wait(TimeLimit), $"The generator did not finish within {TimeLimit.TotalSeconds} seconds.");
        return run.Result;
    }

    /// <summary>A diagnostic that says what is wrong but not where is of little use in a document of thousands of lines.</summary>
    private static void AssertLocatedInDocument(Diagnostic diagnostic, string text, string documentPath)
    {
        Assert.True(diagnostic.Location.Kind != LocationKind.None, $"{diagnostic.Id} has no location: {diagnostic}");
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(documentPath, span.Path);
        Assert.InRange(diagnostic.Location.SourceSpan.End, 0, text.Length);
        var lineCount = text.Split('\n').Length;
        Assert.InRange(span.StartLinePosition.Line, 0, lineCount - 1);
        Assert.InRange(span.EndLinePosition.Line, span.StartLinePosition.Line, lineCount - 1);
    }

    /// <summary>Stability: the same text gives the same sources and the same diagnostics, byte for byte.</summary>
    private static void AssertSameOutput(GeneratorRun first, GeneratorRun second)
    {
        Assert.Equal(
            first.Result.GeneratedSources.Select(source => (source.HintName, source.SourceText.ToString())),
            second.Result.GeneratedSources.Select(source => (source.HintName, source.SourceText.ToString())));
        Assert.Equal(
            first.GeneratorDiagnostics.Select(diagnostic => diagnostic.ToString()),
            second.GeneratorDiagnostics.Select(diagnostic => diagnostic.ToString()));
    }
}
