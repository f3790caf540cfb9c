namespace ClicRdv.Generator.Model;

/// <summary>A file of the project that a document's <c>$ref</c>s reach (directly or through other such files), with its text.</summary>
/// <param name="Path">The full path, as the project lists it among its AdditionalFiles.</param>
internal sealed record ReferencedFile(string Path, string Text);
