using System;
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
    private DocumentOnlyReferenceResolver(OpenApiDocument document)
        : base(new JsonSchemaAppender(document, new DefaultTypeNameGenerator()))
    {
    }

    public static readonly Func<OpenApiDocument, JsonReferenceResolver> Factory = document => new DocumentOnlyReferenceResolver(document);

    public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
        throw new ExternalReferenceRefusedException(filePath);

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
