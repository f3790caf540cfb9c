using System.Collections.Generic;
using System.Threading;
using ClicRdv.Generator.Emitting;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace ClicRdv.Generator;

/// <summary>
/// Keeps what the last builds generated, in the process that runs the generator. The command-line compiler (and its
/// server) makes a new generator driver for each compilation, so the incremental pipeline's own cache never spans two
/// builds: without this one, every rebuild parses and emits every document again, although nothing in it changed.
/// The key is the whole input of a document (its path, its text, its options and its place among the others), and the
/// cache lives in the generator's own assembly, so another version of the generator never shares it: an entry is
/// reused only for equal input, and is then the same result. It holds a few documents and a bounded amount of text.
/// </summary>
internal static class GenerationCache
{
    private const int MaxDocuments = 16;

    /// <summary>The most document text kept (in characters), so that a large solution cannot grow the compiler's memory without end.</summary>
    private const long MaxTextLength = 64L * 1024 * 1024;

    private static readonly object s_gate = new();

    /// <summary>Set on a thread whose runs must compute everything again (a test that a second run gives the same bytes).</summary>
    [System.ThreadStatic]
    private static bool t_bypassed;
    private static readonly LinkedList<Entry> s_entries = new();
    private static long s_textLength;

    /// <summary>Makes the generator runs of the calling thread neither read nor fill the cache, until disposed.</summary>
    public static System.IDisposable BypassOnThisThread()
    {
        t_bypassed = true;
        return new Bypass();
    }

    /// <summary>The parse of <paramref name="input"/>: from the cache when an equal input was parsed before.</summary>
    public static ParseResult Parse(DocumentInput input, CancellationToken cancellationToken)
    {
        if (t_bypassed)
        {
            return DocumentParser.Parse(input, cancellationToken);
        }

        lock (s_gate)
        {
            if (Find(input) is { } entry)
            {
                return entry.Result;
            }
        }

        // Parsing runs outside the lock; a cancelled parse throws and is never kept.
        var result = DocumentParser.Parse(input, cancellationToken);
        lock (s_gate)
        {
            if (Find(input) is { } raced)
            {
                return raced.Result;
            }

            s_entries.AddFirst(new Entry(input, result));
            s_textLength += input.TextLength;
            while (s_entries.Count > MaxDocuments || (s_textLength > MaxTextLength && s_entries.Count > 1))
            {
                s_textLength -= s_entries.Last!.Value.Input.TextLength;
                s_entries.RemoveLast();
            }
        }

        return result;
    }

    /// <summary>The sources of a model this cache produced, emitted once.</summary>
    public static IReadOnlyList<(string HintName, SourceText Text)> Sources(DocumentModel document)
    {
        if (t_bypassed)
        {
            return DocumentEmitter.Emit(document);
        }

        lock (s_gate)
        {
            foreach (var entry in s_entries)
            {
                if (ReferenceEquals(entry.Result.Document, document) && entry.Sources is { } sources)
                {
                    return sources;
                }
            }
        }

        var emitted = DocumentEmitter.Emit(document);
        lock (s_gate)
        {
            foreach (var entry in s_entries)
            {
                if (ReferenceEquals(entry.Result.Document, document))
                {
                    entry.Sources ??= emitted;
                    return entry.Sources;
                }
            }
        }

        return emitted;
    }

    /// <summary>The entry of an equal input, moved to the front; null if there is none.</summary>
    private static Entry? Find(DocumentInput input)
    {
        for (var node = s_entries.First; node is not null; node = node.Next)
        {
            if (node.Value.Input.Equals(input))
            {
                s_entries.Remove(node);
                s_entries.AddFirst(node);
                return node.Value;
            }
        }

        return null;
    }

    private sealed class Bypass : System.IDisposable
    {
        public void Dispose() => t_bypassed = false;
    }

    private sealed class Entry
    {
        public Entry(DocumentInput input, ParseResult result)
        {
            Input = input;
            Result = result;
        }

        public DocumentInput Input { get; }

        public ParseResult Result { get; }

        public IReadOnlyList<(string HintName, SourceText Text)>? Sources { get; set; }
    }
}
