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
/// Reads an OpenAPI document with NSwag.Core and turns it into a <see cref="DocumentModel"/>. This is the only part
/// of the generator that knows NSwag; every failure becomes a diagnostic, never an exception.
/// </summary>
internal static class DocumentParser
{
    private static readonly Regex OpenApiVersion = new(@"""openapi""\s*:\s*""([^""]*)""", RegexOptions.CultureInvariant);
    private static readonly Regex SwaggerVersion = new(@"""swagger""\s*:\s*""([^""]*)""", RegexOptions.CultureInvariant);
    private static readonly Regex UnresolvedPath = new(@"Could not resolve the (?:JSON )?path '([^']*)'", RegexOptions.CultureInvariant);

    public static ParseResult Parse(DocumentInput input, CancellationToken cancellationToken)
    {
        var locator = new SourceLocator(input.FilePath, input.Text);
        var diagnostics = new DiagnosticSink(input.FilePath, locator);
        if (input.InputError is not null)
        {
            diagnostics.Add(input.InputError);
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        try
        {
            var document = Read(input, diagnostics, cancellationToken);
            var model = document is null ? null : BuildModel(input, document, diagnostics);
            return new ParseResult(diagnostics.HasErrors ? null : model, diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnexpectedFailure, locator.FileStart(), input.FilePath, exception.GetType().Name + ": " + exception.Message));
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }
    }

    private static OpenApiDocument? Read(DocumentInput input, DiagnosticSink diagnostics, CancellationToken cancellationToken)
    {
        var version = OpenApiVersion.Match(input.Text);
        if (!version.Success || !version.Groups[1].Value.StartsWith("3.", StringComparison.Ordinal))
        {
            var swagger = SwaggerVersion.Match(input.Text);
            var reason = swagger.Success
                ? $"it declares \"swagger\": \"{swagger.Groups[1].Value}\"; convert it to OpenAPI 3.0 first"
                : version.Success ? $"it declares \"openapi\": \"{version.Groups[1].Value}\"" : "it has no \"openapi\": \"3.x\" member";

            // A document that is not even JSON deserves the JSON error, with its line and column.
            if (TryFindJsonError(input.Text) is { } jsonError)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, diagnostics.Locator.AtLineColumn(jsonError.Line, jsonError.Column), input.FilePath, jsonError.Message));
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi3, version.Success ? diagnostics.Locator.OfPointer("/openapi") : diagnostics.Locator.FileStart(), input.FilePath, reason));
            }

            return null;
        }

        try
        {
            return OpenApiDocument.FromJsonAsync(input.Text, null, NJsonSchema.SchemaType.OpenApi3, null, cancellationToken).GetAwaiter().GetResult();
        }
        catch (JsonException exception)
        {
            // NSwag reports a syntax error as a deserialization error; the plain reader tells which it is.
            if (TryFindJsonError(input.Text) is { } jsonError)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, diagnostics.Locator.AtLineColumn(jsonError.Line, jsonError.Column), input.FilePath, jsonError.Message));
            }
            else
            {
                var (line, column) = exception switch
                {
                    JsonSerializationException serialization => (serialization.LineNumber, serialization.LinePosition),
                    JsonReaderException reader => (reader.LineNumber, reader.LinePosition),
                    _ => (1, 1),
                };
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, diagnostics.Locator.AtLineColumn(line, column), input.FilePath, exception.Message));
            }
        }
        catch (InvalidOperationException exception) when (UnresolvedPath.Match(exception.Message) is { Success: true } match)
        {
            var target = match.Groups[1].Value;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, diagnostics.Locator.OfReference(target), input.FilePath, target));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, diagnostics.Locator.FileStart(), input.FilePath, exception.Message));
        }

        return null;
    }

    /// <summary>The model of a document NSwag has already read (the benchmarks time reading and modelling apart).</summary>
    internal static ParseResult BuildModel(DocumentInput input, OpenApiDocument document)
    {
        var diagnostics = new DiagnosticSink(input.FilePath, new SourceLocator(input.FilePath, input.Text));
        var model = BuildModel(input, document, diagnostics);
        return new ParseResult(diagnostics.HasErrors ? null : model, diagnostics.ToEquatableArray());
    }

    private static DocumentModel BuildModel(DocumentInput input, OpenApiDocument document, DiagnosticSink diagnostics)
    {
        var title = string.IsNullOrWhiteSpace(document.Info?.Title) ? StemOf(input.FilePath) : document.Info!.Title.Trim();
        var typeNames = new UniqueNameScope();
        var schemas = new SchemaMapper(document, typeNames);
        var registrationClassName = typeNames.Claim(Identifiers.ToPascalCase(title, "OpenApi") + "ClientRegistration");
        var catalogClassName = typeNames.Claim("ApiClients");
        var operations = new OperationMapper(schemas, diagnostics, typeNames);
        var interfaces = operations.MapInterfaces(document, Identifiers.ToPascalCase(title, "Default"));
        schemas.MapComponents(document);

        return new DocumentModel(
            input.HintName,
            title,
            input.Options,
            registrationClassName,
            catalogClassName,
            schemas.Contracts.OrderBy(contract => contract.Name, StringComparer.Ordinal).ToEquatableArray(),
            interfaces,
            schemas.DateTimeFormats.ToEquatableArray());
    }

    /// <summary>The file name without the <c>.openapi.json</c> suffix.</summary>
    public static string StemOf(string filePath)
    {
        var fileName = filePath.Substring(Math.Max(filePath.LastIndexOf('/'), filePath.LastIndexOf('\\')) + 1);
        var suffix = fileName.IndexOf(".openapi.", StringComparison.OrdinalIgnoreCase);
        return suffix > 0 ? fileName.Substring(0, suffix) : fileName;
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
