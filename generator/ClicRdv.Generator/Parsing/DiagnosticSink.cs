using System.Collections.Generic;
using ClicRdv.Generator.Diagnostics;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Parsing;

/// <summary>Collects the diagnostics of one document, with their locations, in the order they are found.</summary>
internal sealed class DiagnosticSink
{
    private readonly List<DiagnosticInfo> _diagnostics;

    /// <param name="text">The JSON text the diagnostics are about.</param>
    /// <param name="origins">
    /// Where each JSON line comes from, when <paramref name="text"/> is not what the file holds: a YAML document's JSON
    /// form, or a document bundled with the files it references.
    /// </param>
    public DiagnosticSink(string filePath, string text, JsonLineOrigins? origins = null)
        : this(filePath, text, origins, new List<DiagnosticInfo>())
    {
    }

    private DiagnosticSink(string filePath, string text, JsonLineOrigins? origins, List<DiagnosticInfo> diagnostics)
    {
        FilePath = filePath;
        Text = text;
        Locator = new SourceLocator(filePath, text, origins);
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// A sink for another text (a file the document references, or the document's JSON form) that collects into this
    /// one: diagnostics found there are located there and reported with the document's.
    /// </summary>
    public DiagnosticSink For(string filePath, string text, JsonLineOrigins? origins = null) => new(filePath, text, origins, _diagnostics);

    public string FilePath { get; }

    /// <summary>The document's JSON text (a YAML document's JSON form).</summary>
    public string Text { get; }

    public SourceLocator Locator { get; }

    public bool HasErrors => _diagnostics.Exists(diagnostic => diagnostic.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);

    public void Add(DiagnosticInfo diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>Reports an error about the whole document; every such descriptor takes the file, then one detail.</summary>
    public void DocumentError(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, string detail) =>
        Add(DiagnosticInfo.Create(descriptor, location, FilePath, detail));

    /// <summary>Reports CRDV001: the text is not valid <paramref name="syntax"/> (JSON or YAML), with the reader's message.</summary>
    public void InvalidSyntax(string syntax, LocationInfo location, string detail) =>
        Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSyntax, location, FilePath, syntax, detail));

    /// <summary>What most unsupported constructs become.</summary>
    public const string LeftOut = "it was left out of the generated code";

    /// <summary>
    /// Reports that <paramref name="construct"/> (at the JSON pointer) is not supported, why, and what was generated
    /// instead (<see cref="LeftOut"/> unless said otherwise).
    /// </summary>
    public void Unsupported(string construct, string pointer, string reason, string outcome = LeftOut) =>
        Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, Locator.OfPointer(pointer), construct, FilePath, reason, outcome));

    /// <summary>Reports CRDV105: a request body's media type or encoding (at the JSON pointer) is not sent as written, and why.</summary>
    public void BodyNotAsDescribed(string construct, string pointer, string reason) =>
        Add(DiagnosticInfo.Create(DiagnosticDescriptors.BodyNotAsDescribed, Locator.OfPointer(pointer), construct, FilePath, reason));

    /// <summary>Reports a discriminator (at the JSON pointer, empty for an inline schema) that could not make, or fully make, a hierarchy.</summary>
    public void DiscriminatorNotUsed(string pointer, string reason) =>
        Add(DiagnosticInfo.Create(DiagnosticDescriptors.DiscriminatorNotUsed, Locator.OfPointer(pointer), pointer.Length == 0 ? "an inline schema" : pointer, FilePath, reason));

    /// <summary>Reports a union read as any JSON value (at the JSON pointer, empty for an inline one), and why.</summary>
    public void UnionAsAnyJson(string pointer, string what, string reason) =>
        Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnionAsAnyJson, Locator.OfPointer(pointer), what, FilePath, reason));

    /// <summary>Reports CRDV107: an <c>x-paging</c> extension (at the JSON pointer) gives <paramref name="construct"/> no companion, and why.</summary>
    public void PagingNotApplied(string construct, string pointer, string reason) =>
        Add(DiagnosticInfo.Create(DiagnosticDescriptors.PagingNotApplied, Locator.OfPointer(pointer), construct, FilePath, reason));

    /// <summary>Reports CRDV108: an <c>x-condition</c> extension (at the JSON pointer) gives <paramref name="construct"/> no factories, and why.</summary>
    public void ConditionNotApplied(string construct, string pointer, string reason) =>
        Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConditionNotApplied, Locator.OfPointer(pointer), construct, FilePath, reason));

    /// <summary>The outcome: the model only when no error was reported, and every diagnostic.</summary>
    public ParseResult ToResult(DocumentModel? model) => new(HasErrors ? null : model, _diagnostics.ToEquatableArray());
}
