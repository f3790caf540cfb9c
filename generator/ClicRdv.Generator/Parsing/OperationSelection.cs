using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Applies a document's <see cref="OperationFilter"/> to its operations, and remembers which include entries kept
/// something: an entry that matches no operation is a typo, or an option meant for another document.
/// </summary>
internal sealed class OperationSelection
{
    private readonly OperationFilter _filter;
    private readonly IReadOnlyList<(string Text, PathPattern Pattern)> _includePaths;
    private readonly IReadOnlyList<PathPattern> _excludePaths;
    private readonly HashSet<(string Option, string Value)> _matchedIncludes = new();

    public OperationSelection(OperationFilter filter)
    {
        _filter = filter;
        _includePaths = filter.IncludePaths.Select(text => (text, PathPattern.Parse(text))).ToList();
        _excludePaths = filter.ExcludePaths.Select(PathPattern.Parse).ToList();
    }

    /// <summary>Whether the operation at <paramref name="path"/> with these tags is generated.</summary>
    public bool Keeps(string path, IEnumerable<string>? tags)
    {
        var tagList = tags?.Where(tag => !string.IsNullOrWhiteSpace(tag)).ToList() ?? new List<string>();
        var includedTags = _filter.IncludeTags.Where(included => tagList.Any(tag => SameTag(tag, included))).ToList();
        var includedPaths = _includePaths.Where(include => include.Pattern.Matches(path)).Select(include => include.Text).ToList();
        var kept = (_filter.IncludeTags.Count == 0 || includedTags.Count > 0)
            && (_includePaths.Count == 0 || includedPaths.Count > 0)
            && !_filter.ExcludeTags.Any(excluded => tagList.Any(tag => SameTag(tag, excluded)))
            && !_excludePaths.Any(pattern => pattern.Matches(path));

        // An entry counts as used when it matches an operation, even one another list leaves out.
        _matchedIncludes.UnionWith(includedTags.Select(tag => (OptionsReader.IncludeTagsOption, tag)));
        _matchedIncludes.UnionWith(includedPaths.Select(pattern => (OptionsReader.IncludePathsOption, pattern)));
        return kept;
    }

    /// <summary>The include entries that matched no operation, with their option's name.</summary>
    public IEnumerable<(string Option, string Value)> UnmatchedIncludes() =>
        _filter.IncludeTags.Select(tag => (Option: OptionsReader.IncludeTagsOption, Value: tag))
            .Concat(_filter.IncludePaths.Select(pattern => (Option: OptionsReader.IncludePathsOption, Value: pattern)))
            .Where(entry => !_matchedIncludes.Contains(entry));

    private static bool SameTag(string tag, string name) => string.Equals(tag.Trim(), name, StringComparison.OrdinalIgnoreCase);
}
