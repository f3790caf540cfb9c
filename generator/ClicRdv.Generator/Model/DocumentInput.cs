namespace ClicRdv.Generator.Model;

/// <summary>One document as the pipeline sees it before parsing: its path, its text and its resolved options.</summary>
/// <param name="HintName">A file-name-safe prefix for the generated sources, from the namespace and the file name.</param>
/// <param name="InputError">A diagnostic (an invalid option, a clash with another document) reported instead of generating.</param>
internal sealed record DocumentInput(string FilePath, string Text, GeneratorOptions Options, string HintName, DiagnosticInfo? InputError)
{
    /// <summary>
    /// The project's files the document's <c>$ref</c>s reach, with their texts: part of the input, so that an edit to one
    /// parses again the documents that use it, and only those.
    /// </summary>
    public EquatableArray<ReferencedFile> ReferencedFiles { get; init; } = EquatableArray<ReferencedFile>.Empty;

    /// <summary>The characters of the document and of the files it references, which the cache counts.</summary>
    public long TextLength
    {
        get
        {
            long length = Text.Length;
            foreach (var file in ReferencedFiles)
            {
                length += file.Text.Length;
            }

            return length;
        }
    }
}
