using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>Writes one Refit interface per tag of a document.</summary>
internal static class InterfaceEmitter
{
    public static Microsoft.CodeAnalysis.Text.SourceText Emit(DocumentModel document)
    {
        var writer = FileHeader.Start(document);
        writer.Separated(document.Interfaces, api =>
        {
            writer.DocElement("summary", api.Documentation ?? $"Operations of {document.Title}.");
            writer.Line(FileHeader.GeneratedCodeAttribute);
            writer.Line($"{document.Options.Accessibility} partial interface {api.Name}");
            using (writer.OpenBlock())
            {
                writer.Separated(api.Operations, operation =>
                {
                    MethodSignature.WriteDocumentation(writer, operation);
                    writer.Line(MethodSignature.VerbAttribute(operation));
                    if (MethodSignature.IsMultipart(operation))
                    {
                        writer.Line("[global::Refit.Multipart]");
                    }

                    writer.Line($"{MethodSignature.ReturnType(operation, document.Options)} {operation.Name}({MethodSignature.Parameters(operation, withRefitAttributes: true)});");
                });
            }
        });

        return writer.ToSourceText();
    }
}
