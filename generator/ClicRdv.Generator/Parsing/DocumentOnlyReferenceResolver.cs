using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.References;
using NSwag;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// The reference resolver NSwag.Core reads documents with: references inside the document resolve as usual, and every
/// other one is refused without being opened. NJsonSchema's own resolver fetches <c>http(s)</c> references and reads
/// file references from disk, inside the compiler. <see cref="ExternalReferences"/> reports such references, located,
/// before NSwag reads the document; this is the guard behind it.
/// </summary>
internal sealed class DocumentOnlyReferenceResolver : JsonReferenceResolver
{
    private static readonly char[] PathCharacters = { '#', '/', '\\', ':', '.' };

    private readonly OpenApiDocument _document;
    private readonly System.Collections.Generic.Dictionary<string, JsonSchema> _componentsByPath = new(StringComparer.Ordinal);

    private DocumentOnlyReferenceResolver(OpenApiDocument document)
        : base(new ComponentsAppender(document))
    {
        _document = document;
    }

    /// <summary>
    /// The path NSwag is told the document has: a bare file name, so that a reference it takes for a file reaches
    /// <see cref="ResolveFileReferenceAsync"/> as written (without a path, NJsonSchema refuses it before asking).
    /// </summary>
    public const string DocumentPath = "openapi.json";

    public static readonly Func<OpenApiDocument, JsonReferenceResolver> Factory = document => new DocumentOnlyReferenceResolver(document);

    /// <summary>
    /// A discriminator <c>mapping</c> value may be a bare schema name (<c>dog: Dog</c>), which OpenAPI 3.0 allows and
    /// NJsonSchema takes for a file next to the document: it names the component schema of that name, and no file is
    /// opened. (A <c>$ref</c> never reaches here as a bare name: <see cref="ExternalReferences"/> refuses it first.)
    /// </summary>
    public override string ResolveFilePath(string documentPath, string jsonPath)
    {
        if (IsBareName(jsonPath) && _document.Components?.Schemas is { } schemas && schemas.TryGetValue(jsonPath, out var schema) && schema is not null)
        {
            var path = System.IO.Path.GetFullPath(jsonPath);
            _componentsByPath[path] = schema;
            return path;
        }

        return base.ResolveFilePath(documentPath, jsonPath);
    }

    public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
        _componentsByPath.TryGetValue(filePath, out var schema)
            ? Task.FromResult<IJsonReference>(schema)
            : throw new ExternalReferenceRefusedException(filePath);

    private static bool IsBareName(string path) => path.Length > 0 && path.IndexOfAny(PathCharacters) < 0;

    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
        throw new ExternalReferenceRefusedException(url);
}

/// <summary>A reference outside the document that NSwag asked to open; NSwag wraps it in the error DocumentParser reports.</summary>
internal sealed class ExternalReferenceRefusedException : Exception
{
    public ExternalReferenceRefusedException(string target)
        : base(ExternalReferences.Refusal(target) ?? target)
    {
    }
}

/// <summary>
/// Appends nothing for a schema the document's components already hold: NJsonSchema appends what a file reference
/// resolved to, and a bare mapping name resolves to a component (the default appender also fails on an OpenAPI root).
/// </summary>
internal sealed class ComponentsAppender : JsonSchemaAppender
{
    private readonly OpenApiDocument _document;

    public ComponentsAppender(OpenApiDocument document)
        : base(document, new DefaultTypeNameGenerator())
    {
        _document = document;
    }

    public override void AppendSchema(JsonSchema schema, string? typeNameHint)
    {
        if (_document.Components?.Schemas?.Values.Contains(schema) != true)
        {
            base.AppendSchema(schema, typeNameHint);
        }
    }
}
