using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClicRdv.Generator.Tests.Infrastructure;

/// <summary>MSBuild properties (<c>build_property.*</c>) and per-file metadata, as the compiler passes them to generators.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions _global;
    private readonly IReadOnlyDictionary<string, DictionaryOptions> _perFile;

    public TestOptionsProvider(IReadOnlyDictionary<string, string> globalOptions, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? perFile = null)
    {
        _global = new DictionaryOptions(globalOptions);
        var files = new Dictionary<string, DictionaryOptions>();
        foreach (var pair in perFile ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
        {
            files[pair.Key] = new DictionaryOptions(pair.Value);
        }

        _perFile = files;
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _perFile.TryGetValue(textFile.Path, out var options) ? options : DictionaryOptions.Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        private readonly IReadOnlyDictionary<string, string> _values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
