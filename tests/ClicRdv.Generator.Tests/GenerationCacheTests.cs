using System;
using System.Linq;
using System.Threading;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Tests.Infrastructure;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// The command-line compiler (and its server) makes a new generator driver for every build, so the pipeline's own
/// cache never spans two builds; the generator's process-wide cache does, and must never serve a stale result.
/// </summary>
public sealed class GenerationCacheTests
{
    [Fact]
    public void A_new_driver_on_an_equal_document_gets_the_parse_and_the_sources_of_the_last_one()
    {
        var text = UniqueDocument();
        var first = GeneratorHarness.Run("/project/cached.openapi.json", text);
        var second = GeneratorHarness.Run("/project/cached.openapi.json", new string(text.ToCharArray()));

        Assert.Same(ParseOutput(first), ParseOutput(second));
        Assert.Equal(first.DocumentSources.Select(source => source.SourceText), second.DocumentSources.Select(source => source.SourceText));
        Assert.Same(first.DocumentSources[0].SourceText, second.DocumentSources[0].SourceText);
    }

    [Fact]
    public void A_change_to_the_text_the_options_or_the_path_is_parsed_again()
    {
        var text = UniqueDocument();
        var options = new GeneratorOptions("Consumer", IsInternal: false, UseApiResponse: false);
        var input = new DocumentInput("/project/a.openapi.json", text, options, "Consumer.a", null);
        var original = GenerationCache.Parse(input, CancellationToken.None);

        Assert.Same(original, GenerationCache.Parse(input with { Text = new string(text.ToCharArray()) }, CancellationToken.None));
        var renamed = GenerationCache.Parse(input with { Text = text.Replace("\"listThings\"", "\"listItems\"", StringComparison.Ordinal) }, CancellationToken.None);
        Assert.Equal("ListItems", renamed.Document!.Interfaces.Single().Operations.Single().Name);
        var internalOptions = GenerationCache.Parse(input with { Options = options with { IsInternal = true } }, CancellationToken.None);
        Assert.True(internalOptions.Document!.Options.IsInternal);
        var moved = GenerationCache.Parse(input with { FilePath = "/project/b.openapi.json" }, CancellationToken.None);
        Assert.NotSame(original, moved);
        Assert.Equal("Consumer", GenerationCache.Parse(input, CancellationToken.None).Document!.Options.Namespace);
    }

    [Fact]
    public void The_cache_keeps_a_bounded_number_of_documents()
    {
        var options = new GeneratorOptions("Consumer", IsInternal: false, UseApiResponse: false);
        var first = new DocumentInput("/project/first.openapi.json", UniqueDocument(), options, "Consumer.first", null);
        var kept = GenerationCache.Parse(first, CancellationToken.None);

        for (var index = 0; index < 40; index++)
        {
            GenerationCache.Parse(first with { Text = UniqueDocument(), FilePath = $"/project/other{index}.openapi.json" }, CancellationToken.None);
        }

        Assert.NotSame(kept, GenerationCache.Parse(first, CancellationToken.None));
    }

    private static object ParseOutput(GeneratorRun run) =>
        run.Result.TrackedSteps[TrackingNames.Parse].Single().Outputs.Single().Value;

    /// <summary>A document no other test parses, so that the process-wide cache cannot already hold it.</summary>
    private static string UniqueDocument() =>
        "{ \"openapi\": \"3.0.3\", \"info\": { \"title\": \"Cached " + Guid.NewGuid().ToString("N") + "\", \"version\": \"1\" }, " +
        "\"paths\": { \"/things\": { \"get\": { \"operationId\": \"listThings\", \"responses\": { \"204\": { \"description\": \"ok\" } } } } } }";
}
