namespace ClicRdv.Generator.Model;

/// <summary>One document as the pipeline sees it before parsing: its path, its text and its resolved options.</summary>
/// <param name="HintName">A file-name-safe prefix for the generated sources, from the namespace and the file name.</param>
/// <param name="InputError">A diagnostic (an invalid option, a clash with another document) reported instead of generating.</param>
internal sealed record DocumentInput(string FilePath, string Text, GeneratorOptions Options, string HintName, DiagnosticInfo? InputError);
