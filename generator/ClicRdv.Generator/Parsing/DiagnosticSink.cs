using System.Collections.Generic;
using ClicRdv.Generator.Diagnostics;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Parsing;

/// <summary>Collects the diagnostics of one document, with their locations, in the order they are found.</summary>
internal sealed class DiagnosticSink
{
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public DiagnosticSink(string filePath, SourceLocator locator)
    {
        FilePath = filePath;
        Locator = locator;
    }

    public string FilePath { get; }

    public SourceLocator Locator { get; }

    public bool HasErrors { get; private set; }

    public void Add(DiagnosticInfo diagnostic)
    {
        HasErrors |= diagnostic.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error;
        _diagnostics.Add(diagnostic);
    }

    /// <summary>Reports that <paramref name="construct"/> (at the JSON pointer) was left out, and why.</summary>
    public void Unsupported(string construct, string pointer, string reason) =>
        Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, Locator.OfPointer(pointer), construct, FilePath, reason));

    public EquatableArray<DiagnosticInfo> ToEquatableArray() => _diagnostics.ToEquatableArray();
}
