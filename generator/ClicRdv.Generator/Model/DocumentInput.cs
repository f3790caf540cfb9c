namespace ClicRdv.Generator.Model;

/// <summary>One document as the pipeline sees it before parsing: its path, its text and its resolved options.</summary>
/// <param name="OptionError">A diagnostic about an invalid option value, reported instead of generating.</param>
internal sealed record DocumentInput(string FilePath, string Text, GeneratorOptions Options, DiagnosticInfo? OptionError);
