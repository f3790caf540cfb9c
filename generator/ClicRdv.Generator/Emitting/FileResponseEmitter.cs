using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes the type of a document's binary answers: the stream, read as it arrives, with the content headers that say
/// what it is (a bare <c>Stream</c> would lose them). Disposing it releases the connection.
/// </summary>
internal static class FileResponseEmitter
{
    public static void Write(SourceWriter writer, string name, DocumentModel document)
    {
        writer.DocElement("summary", "A binary answer: its content as a stream, with the headers that describe it. Dispose it to release the connection.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"{document.Options.Accessibility} sealed partial class {name} : global::System.IDisposable, global::System.IAsyncDisposable");
        using (writer.OpenBlock())
        {
            writer.Line("private readonly global::System.Net.Http.HttpResponseMessage _response;");
            writer.Line();
            writer.DocElement("summary", "Wraps an answer and the stream of its content.");
            writer.Line($"public {name}(global::System.Net.Http.HttpResponseMessage response, global::System.IO.Stream stream)");
            using (writer.OpenBlock())
            {
                writer.Line("_response = response ?? throw new global::System.ArgumentNullException(nameof(response));");
                writer.Line("Stream = stream ?? throw new global::System.ArgumentNullException(nameof(stream));");
            }

            writer.Line();
            writer.DocElement("summary", "The content, read as it arrives from the server.");
            writer.Line("public global::System.IO.Stream Stream { get; }");
            writer.Line();
            writer.DocElement("summary", "The answer's HTTP status code.");
            writer.Line("public int StatusCode => (int)_response.StatusCode;");
            writer.Line();
            writer.DocElement("summary", "The content's headers (Content-Type, Content-Disposition, Content-Length...).");
            writer.Line("public global::System.Net.Http.Headers.HttpContentHeaders Headers => _response.Content.Headers;");
            writer.Line();
            writer.DocElement("summary", "The answer's headers other than the content's.");
            writer.Line("public global::System.Net.Http.Headers.HttpResponseHeaders ResponseHeaders => _response.Headers;");
            writer.Line();
            writer.DocElement("summary", "The media type of the content (<c>application/pdf</c>), without parameters; null when the server sends none.", raw: true);
            writer.Line("public string? ContentType => Headers.ContentType?.MediaType;");
            writer.Line();
            writer.DocElement("summary", "The file name the server suggests in Content-Disposition, if any.");
            writer.Line($"public string? FileName => {ClientSupportSources.ContentHeaders}.FileName(Headers);");
            writer.Line();
            writer.DocElement("summary", "The length of the content in bytes, when the server announces it.");
            writer.Line("public long? ContentLength => Headers.ContentLength;");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public void Dispose()");
            using (writer.OpenBlock())
            {
                writer.Line("Stream.Dispose();");
                writer.Line("_response.Dispose();");
            }

            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public async global::System.Threading.Tasks.ValueTask DisposeAsync()");
            using (writer.OpenBlock())
            {
                writer.Line("await Stream.DisposeAsync().ConfigureAwait(false);");
                writer.Line("_response.Dispose();");
            }
        }
    }
}
