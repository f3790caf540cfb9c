using System;
using System.Collections.Immutable;
using System.Linq;
using ClicRdv.Generator.Diagnostics;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;
using ClicRdv.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClicRdv.Generator;

/// <summary>
/// Resolves a document's options from the AdditionalFiles item's metadata, then the project's MSBuild properties,
/// then the defaults. The names are the same in both places: ClicRdvNamespace, ClicRdvAccessibility,
/// ClicRdvReturnApiResponse, ClicRdvClosedEnums, ClicRdvIncludeTags, ClicRdvExcludeTags, ClicRdvIncludePaths,
/// ClicRdvExcludePaths, ClicRdvGenerate. Both places mean something different for the namespace: the item's names the
/// document's namespace, the property the project's, under which each document gets one of its own.
/// </summary>
internal static class OptionsReader
{
    public const string NamespaceOption = "ClicRdvNamespace";
    public const string AccessibilityOption = "ClicRdvAccessibility";
    public const string ReturnApiResponseOption = "ClicRdvReturnApiResponse";
    public const string ClosedEnumsOption = "ClicRdvClosedEnums";
    public const string IncludeTagsOption = "ClicRdvIncludeTags";
    public const string ExcludeTagsOption = "ClicRdvExcludeTags";
    public const string IncludePathsOption = "ClicRdvIncludePaths";
    public const string ExcludePathsOption = "ClicRdvExcludePaths";
    public const string GenerateOption = "ClicRdvGenerate";

    /// <summary>Item metadata the package's props put on the ClicRDV document they bundle.</summary>
    public const string BundledDocumentMetadata = "ClicRdvBundledDocument";
    private const string DefaultNamespace = "ClicRdv.Generated";

    public static DocumentInput Read(AdditionalText file, AnalyzerConfigOptionsProvider provider, System.Threading.CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var fileOptions = provider.GetOptions(file);
        var global = provider.GlobalOptions;

        string? Get(string name) =>
            NonEmpty(fileOptions, "build_metadata.AdditionalFiles." + name) ?? NonEmpty(global, "build_property." + name);

        DiagnosticInfo? error = null;
        var explicitNamespace = NonEmpty(fileOptions, "build_metadata.AdditionalFiles." + NamespaceOption);
        var projectNamespace = NonEmpty(global, "build_property." + NamespaceOption) ?? NonEmpty(global, "build_property.RootNamespace") ?? DefaultNamespace;

        // Each document gets a namespace of its own, named after its file, so adding a document renames nothing. The
        // bundled ClicRDV document is the project's API and keeps the project's namespace.
        var isBundled = string.Equals(NonEmpty(fileOptions, "build_metadata.AdditionalFiles." + BundledDocumentMetadata), "true", StringComparison.OrdinalIgnoreCase);
        var @namespace = explicitNamespace
            ?? (isBundled ? projectNamespace : projectNamespace + "." + Identifiers.ToPascalCase(DocumentParser.StemOf(file.Path)));
        if (!IsValidNamespace(@namespace))
        {
            error = InvalidOption(file.Path, NamespaceOption, @namespace, "it must be a C# namespace such as My.Company.Api");
            @namespace = DefaultNamespace;
        }

        var accessibility = Get(AccessibilityOption) ?? "public";
        var isInternal = accessibility.Equals("internal", StringComparison.OrdinalIgnoreCase);
        if (!isInternal && !accessibility.Equals("public", StringComparison.OrdinalIgnoreCase))
        {
            error ??= InvalidOption(file.Path, AccessibilityOption, accessibility, "use 'public' or 'internal'");
        }

        bool Flag(string name)
        {
            var value = Get(name) ?? "false";
            if (bool.TryParse(value, out var flag))
            {
                return flag;
            }

            error ??= InvalidOption(file.Path, name, value, "use 'true' or 'false'");
            return false;
        }

        EquatableArray<string> Paths(string name)
        {
            var patterns = ListOf(Get(name));
            foreach (var pattern in patterns)
            {
                if (PathPattern.Problem(pattern) is { } problem)
                {
                    error ??= InvalidOption(file.Path, name, pattern, problem);
                }
            }

            return patterns;
        }

        var filter = new OperationFilter(ListOf(Get(IncludeTagsOption)), ListOf(Get(ExcludeTagsOption)), Paths(IncludePathsOption), Paths(ExcludePathsOption));
        var generate = Get(GenerateOption) ?? nameof(GeneratedParts.All);
        var parts = generate.Equals(nameof(GeneratedParts.Contracts), StringComparison.OrdinalIgnoreCase) ? GeneratedParts.Contracts : GeneratedParts.All;
        if (parts == GeneratedParts.All && !generate.Equals(nameof(GeneratedParts.All), StringComparison.OrdinalIgnoreCase))
        {
            error ??= InvalidOption(file.Path, GenerateOption, generate, "use 'All' or 'Contracts'");
        }

        var options = new GeneratorOptions(@namespace, isInternal, Flag(ReturnApiResponseOption), Flag(ClosedEnumsOption), filter, parts);
        return new DocumentInput(file.Path, text, options, HintNameOf(@namespace, file.Path), error);
    }

    /// <summary>
    /// Documents that would generate into the same namespace get an error instead of output: their helper classes
    /// (and often their contracts) would clash.
    /// </summary>
    public static DocumentInput RejectIfDuplicate(DocumentInput input, EquatableArray<string> sharedNamespaces) =>
        input.InputError is null && sharedNamespaces.Contains(input.Options.Namespace)
            ? input with { InputError = DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateOutput, SourceLocator.FileStartOf(input.FilePath), input.FilePath, input.Options.Namespace) }
            : input;

    /// <summary>The namespaces that more than one document would use.</summary>
    public static EquatableArray<string> Duplicates(ImmutableArray<string> namespaces) =>
        namespaces.GroupBy(name => name, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key).OrderBy(name => name, StringComparer.Ordinal).ToEquatableArray();

    private static string HintNameOf(string @namespace, string filePath)
    {
        var raw = @namespace + "." + DocumentParser.StemOf(filePath);
        return new string(raw.Select(character => char.IsLetterOrDigit(character) || character is '.' or '_' or '-' ? character : '_').ToArray());
    }

    /// <summary>An invalid option, reported on the document it applies to.</summary>
    private static DiagnosticInfo InvalidOption(string filePath, string name, string value, string hint) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, SourceLocator.FileStartOf(filePath), name, value, hint);

    /// <summary>The entries of a list option: separated by semicolons (as MSBuild lists are) or commas, trimmed, each once.</summary>
    private static EquatableArray<string> ListOf(string? value) =>
        (value ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Trim())
            .Where(entry => entry.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToEquatableArray();

    private static string? NonEmpty(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool IsValidNamespace(string value) =>
        value.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);
}
