using System;
using System.Text;
using System.Text.RegularExpressions;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// A glob over path templates as the document writes them (<c>/pets/{petId}</c>), case-sensitive as URL paths are:
/// <c>*</c> matches any characters but <c>/</c>, a whole segment <c>**</c> matches any number of segments (none
/// included, so <c>/pets/**</c> matches <c>/pets</c>), any other character matches itself. A glob rather than a
/// regular expression, because a path is full of characters a regex means otherwise (<c>{</c>, <c>.</c>, <c>?</c>).
/// </summary>
internal sealed class PathPattern
{
    private readonly Regex _regex;

    private PathPattern(Regex regex) => _regex = regex;

    /// <summary>Why the text is not a pattern, or null when it is one.</summary>
    public static string? Problem(string pattern) =>
        !pattern.StartsWith("/", StringComparison.Ordinal) ? "a path pattern starts with '/', such as /pets/** or /pets/*/owner"
        : pattern.IndexOf("***", StringComparison.Ordinal) >= 0 ? "use * for one segment's characters and ** for whole segments, never ***"
        : null;

    public static PathPattern Parse(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var index = 0; index < pattern.Length; index++)
        {
            if (string.CompareOrdinal(pattern, index, "/**", 0, 3) == 0 && (index + 3 == pattern.Length || pattern[index + 3] == '/'))
            {
                regex.Append("(?:/.*)?");
                index += 2;
            }
            else if (string.CompareOrdinal(pattern, index, "**", 0, 2) == 0)
            {
                regex.Append(".*");
                index++;
            }
            else if (pattern[index] == '*')
            {
                regex.Append("[^/]*");
            }
            else
            {
                regex.Append(Regex.Escape(pattern[index].ToString()));
            }
        }

        return new PathPattern(new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant));
    }

    public bool Matches(string path) => _regex.IsMatch(path);
}
