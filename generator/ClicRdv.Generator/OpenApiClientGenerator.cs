using System;
using System.Collections.Immutable;
using System.Linq;
using ClicRdv.Generator.Diagnostics;
using ClicRdv.Generator.Emitting;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ClicRdv.Generator;

/// <summary>
/// Generates Refit interfaces, contracts and their implementations from every <c>*.openapi.json</c>,
/// <c>*.openapi.yaml</c> and <c>*.openapi.yml</c> AdditionalFile, with the JSON and YAML AdditionalFiles its <c>$ref</c>s reach.
/// Parsing and emitting are separate steps joined by an equatable model, so unrelated edits re-run nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    private static readonly string[] DocumentSuffixes = { ".openapi.json", ".openapi.yaml", ".openapi.yml" };

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static file => DocumentSuffixes.Any(suffix => file.Path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)));

        var inputs = files
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => OptionsReader.Read(pair.Left, pair.Right, cancellationToken));

        // Documents that would generate into one namespace get an error each.
        var sharedNamespaces = inputs
            .Select(static (input, _) => input.Options.Namespace)
            .Collect()
            .Select(static (namespaces, _) => OptionsReader.Duplicates(namespaces));
        // The JSON and YAML files a document's $refs may reach: each is read, and its references found, once per edit.
        var referableFiles = context.AdditionalTextsProvider
            .Where(static file => ReferencedFilesReader.IsReferable(file))
            .Select(static (file, cancellationToken) => ReferencedFilesReader.Read(file, cancellationToken))
            .WithTrackingName(TrackingNames.ReferableFile)
            .Collect();
        var checkedInputs = inputs
            .Combine(sharedNamespaces)
            .Select(static (pair, _) => OptionsReader.RejectIfDuplicate(pair.Left, pair.Right))
            .Combine(referableFiles)
            .Select(static (pair, _) => ReferencedFilesReader.Attach(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Input);

        var results = checkedInputs
            .Select(static (input, cancellationToken) => GenerationCache.Parse(input, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (production, items) =>
        {
            foreach (var diagnostic in items)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        // Without a Refit the generated code can use, one CRDV007 replaces every source (and the CS0246 errors in them).
        var refitProblem = context.CompilationProvider
            .Select(static (compilation, _) => RefitReference.ProblemIn(compilation))
            .WithTrackingName(TrackingNames.RefitProblem);

        var models = results
            .Select(static (result, _) => result.Document)
            .WithTrackingName(TrackingNames.Model);
        context.RegisterSourceOutput(models.Combine(refitProblem), static (production, pair) =>
        {
            if (pair.Left is not null && pair.Right is null)
            {
                Emit(production, pair.Left);
            }
        });

        // The helpers the clients call, once per compilation, when at least one document generates code.
        var anyModel = models
            .Collect()
            .Select(static (documents, _) => documents.Any(document => document is not null))
            .WithTrackingName(TrackingNames.AnyModel);
        context.RegisterSourceOutput(anyModel.Combine(refitProblem), static (production, pair) =>
        {
            if (!pair.Left)
            {
                return;
            }

            if (pair.Right is not null)
            {
                production.ReportDiagnostic(pair.Right.ToDiagnostic());
                return;
            }

            foreach (var (hintName, text) in ClientSupportSources.Files)
            {
                production.AddSource(hintName, text);
            }
        });
    }

    private static void Emit(SourceProductionContext production, DocumentModel document)
    {
        try
        {
            foreach (var (hintName, text) in GenerationCache.Sources(document))
            {
                production.AddSource(hintName, text);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnexpectedFailure, Location.None, document.Title, exception.GetType().Name + ": " + exception.Message));
        }
    }
}
