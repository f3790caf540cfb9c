using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using ClicRdv.Generator.Diagnostics;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;
using Newtonsoft.Json;
using NSwag;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Reads an OpenAPI document with NSwag.Core and turns it into a <see cref="DocumentModel"/>; a YAML document is read
/// as its JSON form (<see cref="YamlDocumentText"/>), and a split one with the files it references copied in
/// (<see cref="DocumentBundler"/>). Parsing is the only part of the generator that knows NSwag and
/// YamlDotNet; every failure becomes a diagnostic, never an exception.
/// </summary>
internal static class DocumentParser
{
    private static readonly Regex OpenApiVersion = new(@"""openapi""\s*:\s*""([^""]*)""", RegexOptions.CultureInvariant);
    private static readonly Regex SwaggerVersion = new(@"""swagger""\s*:\s*""([^""]*)""", RegexOptions.CultureInvariant);
    /// <summary>
    /// The place Newtonsoft appends to its messages: the diagnostic's location says it already, and for a YAML document
    /// these numbers would be the JSON form's.
    /// </summary>
    private static readonly Regex ReaderPosition = new(@", line \d+, position \d+", RegexOptions.CultureInvariant);
    private static readonly Regex UnresolvedPath = new(@"Could not resolve the (?:JSON )?path '([^']*)'", RegexOptions.CultureInvariant);

    public static ParseResult Parse(DocumentInput input, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticSink(input.FilePath, input.Text);
        if (input.InputError is not null)
        {
            diagnostics.Add(input.InputError);
            return diagnostics.ToResult(null);
        }

        try
        {
            var json = input.Text;
            JsonLineOrigins? origins = null;
            if (YamlDocumentText.IsYamlFile(input.FilePath))
            {
                if (YamlDocumentText.Convert(input.Text, diagnostics, cancellationToken) is not { } yaml)
                {
                    return diagnostics.ToResult(null);
                }

                // From here on the document is its JSON form, and each diagnostic finds its place in the YAML.
                json = yaml.Json;
                origins = yaml.Origins;
                diagnostics = diagnostics.For(input.FilePath, json, origins);
            }

            // A split document is read as one, each diagnostic finding its place in the file it is about.
            if (DocumentBundler.Bundle(input, json, origins, diagnostics, cancellationToken) is { } bundled)
            {
                if (diagnostics.HasErrors)
                {
                    return diagnostics.ToResult(null);
                }

                json = bundled.Json;
                diagnostics = diagnostics.For(input.FilePath, json, bundled.Origins);
            }
            else if (diagnostics.HasErrors)
            {
                return diagnostics.ToResult(null);
            }

            var document = Read(json, diagnostics, cancellationToken);
            if (document is not null)
            {
                ReferenceCycles.Report(document, diagnostics);
            }

            return diagnostics.ToResult(document is null || diagnostics.HasErrors ? null : BuildModel(input, document, diagnostics));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (InvalidOperationException exception) when (exception.Message.StartsWith("Cyclic references", StringComparison.Ordinal))
        {
            // A cycle of references outside the components, which ReferenceCycles does not look for.
            diagnostics.DocumentError(DiagnosticDescriptors.UnresolvedReference, diagnostics.Locator.FileStart(), "a cycle of references that never reaches a schema");
            return diagnostics.ToResult(null);
        }
        catch (Exception exception)
        {
            diagnostics.DocumentError(DiagnosticDescriptors.UnexpectedFailure, diagnostics.Locator.FileStart(), exception.GetType().Name + ": " + exception.Message);
            return diagnostics.ToResult(null);
        }
    }

    private static OpenApiDocument? Read(string json, DiagnosticSink diagnostics, CancellationToken cancellationToken)
    {
        var version = OpenApiVersion.Match(json);
        if (!version.Success || !version.Groups[1].Value.StartsWith("3.", StringComparison.Ordinal))
        {
            var swagger = SwaggerVersion.Match(json);
            var reason = swagger.Success
                ? $"it declares \"swagger\": \"{swagger.Groups[1].Value}\"; convert it to OpenAPI 3.0 first"
                : version.Success ? $"it declares \"openapi\": \"{version.Groups[1].Value}\"" : "it has no \"openapi\": \"3.x\" member";

            // A document that is not even JSON deserves the JSON error, with its line and column.
            if (!TryReportInvalidJson(json, diagnostics))
            {
                diagnostics.DocumentError(DiagnosticDescriptors.NotOpenApi3, version.Success ? diagnostics.Locator.OfPointer("/openapi") : diagnostics.Locator.FileStart(), reason);
            }

            return null;
        }

        // References outside the document are refused before NSwag reads anything, each at its $ref.
        if (ExternalReferences.Report(json, diagnostics))
        {
            return null;
        }

        json = OpenApi31Shapes.Normalize(json, version.Groups[1].Value.StartsWith("3.1", StringComparison.Ordinal), diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        try
        {
            return OpenApiDocument.FromJsonAsync(json, DocumentOnlyReferenceResolver.DocumentPath, NJsonSchema.SchemaType.OpenApi3, DocumentOnlyReferenceResolver.Factory, cancellationToken).GetAwaiter().GetResult();
        }
        catch (JsonException exception)
        {
            // NSwag reports a syntax error as a deserialization error; the plain reader tells which it is.
            if (!TryReportInvalidJson(json, diagnostics))
            {
                var (line, column) = exception switch
                {
                    JsonSerializationException serialization => (serialization.LineNumber, serialization.LinePosition),
                    JsonReaderException reader => (reader.LineNumber, reader.LinePosition),
                    _ => (1, 1),
                };
                diagnostics.DocumentError(DiagnosticDescriptors.UnreadableDocument, diagnostics.Locator.AtLineColumn(line, column), ReaderPosition.Replace(exception.Message, string.Empty));
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException && UnresolvedPath.Match(exception.Message) is { Success: true } match)
        {
            var target = match.Groups[1].Value;
            diagnostics.DocumentError(DiagnosticDescriptors.UnresolvedReference, diagnostics.Locator.OfReference(target), ExternalReferences.Refusal(target) ?? $"'{target}'");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            diagnostics.DocumentError(DiagnosticDescriptors.UnreadableDocument, diagnostics.Locator.FileStart(), exception.Message);
        }

        return null;
    }

    /// <summary>The model of a document NSwag has already read (the benchmarks time reading and modelling apart).</summary>
    internal static ParseResult BuildModel(DocumentInput input, OpenApiDocument document)
    {
        var diagnostics = new DiagnosticSink(input.FilePath, input.Text);
        return diagnostics.ToResult(BuildModel(input, document, diagnostics));
    }

    private static DocumentModel BuildModel(DocumentInput input, OpenApiDocument document, DiagnosticSink diagnostics)
    {
        var title = string.IsNullOrWhiteSpace(document.Info?.Title) ? StemOf(input.FilePath) : document.Info!.Title.Trim();
        var typeNames = new UniqueNameScope(ReservedNames.AdditionalProperties);
        foreach (var member in ReservedNames.ObjectMembers)
        {
            typeNames.Reserve(member);
        }
        // The helpers' names come first: code that calls ApiClients or ApiJsonContext keeps working whatever schemas
        // the document adds (a schema of that name gets the suffix).
        var registrationClassName = typeNames.Claim(Identifiers.ToPascalCase(title, "OpenApi") + "ClientRegistration");
        var catalogClassName = typeNames.Claim("ApiClients");
        var jsonContextClassName = typeNames.Claim("ApiJsonContext");
        var schemas = new SchemaMapper(document, typeNames, input.Options.ClosedEnums);
        var paging = new PagedOperations(document, schemas, typeNames, diagnostics);
        var operations = new OperationMapper(schemas, diagnostics, typeNames, paging);
        var selection = new OperationSelection(input.Options.Operations);
        var interfaces = operations.MapInterfaces(document, Identifiers.ToPascalCase(title, "Default"), selection);
        foreach (var (option, value) in selection.UnmatchedIncludes())
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, diagnostics.Locator.FileStart(), option, value, "no operation of the document matches it"));
        }

        schemas.MapComponents(document);
        foreach (var (pointer, reason) in schemas.BuildHierarchies())
        {
            diagnostics.DiscriminatorNotUsed(pointer, reason);
        }

        interfaces = operations.WithFields(interfaces);
        var conditions = ConditionContracts.Map(document, schemas, diagnostics).ToEquatableArray();

        foreach (var (pointer, what, reason) in schemas.AnyJsonUnions)
        {
            diagnostics.UnionAsAnyJson(pointer, what, reason);
        }

        // Contracts only: no client to give a base address to.
        var servers = input.Options.Generate == GeneratedParts.Contracts ? null : ServerMapper.Map(document, interfaces, typeNames, diagnostics);
        if (input.Options.Generate != GeneratedParts.Contracts)
        {
            // Under a filter the operations a document rule is for may be the ones left out: that is no mistake.
            interfaces = paging.Apply(interfaces, reportUnusedRule: input.Options.Operations.SelectsEverything);
        }
        var model = new DocumentModel(
            input.HintName,
            title,
            input.Options,
            registrationClassName,
            catalogClassName,
            jsonContextClassName,
            schemas.Contracts.OrderBy(contract => contract.Name, StringComparer.Ordinal).ToEquatableArray(),
            interfaces,
            schemas.DateTimeFormats.ToEquatableArray(),
            schemas.LenientConverters.ToEquatableArray(),
            servers,
            conditions);
        if (!input.Options.Operations.SelectsEverything)
        {
            model = ContractReachability.KeepReachable(model, operations.AnswerSchemas.Select(schemas.KnownTypeOf).OfType<TypeRef>());
        }

        // Contracts only: the operations chose the contracts above, and are then left out.
        return input.Options.Generate == GeneratedParts.Contracts ? model with { Interfaces = EquatableArray<ApiInterfaceModel>.Empty } : model;
    }

    /// <summary>The file name without its <c>.openapi.json</c>, <c>.openapi.yaml</c> or <c>.openapi.yml</c> suffix.</summary>
    public static string StemOf(string filePath)
    {
        var fileName = filePath.Substring(Math.Max(filePath.LastIndexOf('/'), filePath.LastIndexOf('\\')) + 1);
        var suffix = fileName.IndexOf(".openapi.", StringComparison.OrdinalIgnoreCase);
        return suffix > 0 ? fileName.Substring(0, suffix) : fileName;
    }

    /// <summary>Reports CRDV001 at the place the text stops being JSON; false when it is well-formed JSON.</summary>
    private static bool TryReportInvalidJson(string text, DiagnosticSink diagnostics)
    {
        if (TryFindJsonError(text) is not { } error)
        {
            return false;
        }

        diagnostics.InvalidSyntax("JSON", diagnostics.Locator.AtLineColumn(error.Line, error.Column), error.Message);
        return true;
    }

    /// <summary>Where and why the text is not well-formed JSON, or null when it is.</summary>
    private static (int Line, int Column, string Message)? TryFindJsonError(string text)
    {
        using var reader = new JsonTextReader(new System.IO.StringReader(text));
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonReaderException exception)
        {
            return (exception.LineNumber, exception.LinePosition, exception.Message);
        }

        // The reader stops quietly at the end of the text, even inside an unfinished object.
        return reader.Depth > 0 || reader.TokenType is JsonToken.StartObject or JsonToken.StartArray or JsonToken.PropertyName
            ? (reader.LineNumber, reader.LinePosition, $"The text ends before the JSON is complete (inside '{reader.Path}').")
            : null;
    }
}
