namespace ClicRdv.Generator.Model;

/// <summary>A JSON or YAML AdditionalFile that a document may reference, and the other files its own references name.</summary>
/// <param name="Path">The full path, as the project lists it.</param>
/// <param name="NamedFiles">The full paths its <c>$ref</c>s name, resolved against its folder.</param>
internal sealed record ReferableFile(string Path, string Text, EquatableArray<string> NamedFiles);
