using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ClicRdv.Generator.Parsing;

/// <summary>A <c>$ref</c> to another file of the project: the file's full path and the JSON pointer in it.</summary>
internal readonly record struct FileTarget(string FilePath, string Pointer);

/// <summary>
/// What a relative <c>$ref</c> (<c>./schemas/pet.yaml#/Pet</c>) points to: a path resolved against the folder of the
/// file it is written in, as OpenAPI says, and a JSON pointer. Remote references and absolute paths are not relative
/// references: they are refused (<see cref="ExternalReferences"/>), whatever files the project has.
/// </summary>
internal static class RelativeReferences
{
    private static readonly Regex Scheme = new("^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant);

    /// <summary>
    /// A <c>$ref</c> key and its value as JSON or YAML write them: double-quoted, single-quoted or plain. The scan is
    /// textual, so it may also see a <c>$ref</c> inside an example; it decides only which files are part of a
    /// document's input, where one file too many costs nothing but a parse when that file changes.
    /// </summary>
    private static readonly Regex ReferenceMember = new(
        @"(?:""\$ref""|'\$ref'|(?<![\w$""'])\$ref)\s*:\s*(?:""(?<double>(?:[^""\\]|\\.)*)""|'(?<single>(?:[^']|'')*)'|(?<plain>[^\s,{}\[\]#""'][^\s,{}\[\]]*))",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// A word that names a JSON or YAML file (<c>./cat.yaml</c>, <c>schemas/pet.json#/Pet</c>): a discriminator's mapping
    /// names its targets without <c>$ref</c>. Over-approximate as well: a file named in a description only joins the input.
    /// </summary>
    private static readonly Regex FileName = new(
        @"(?<path>[^\s""',{}\[\]#:]+\.(?:json|yaml|yml))(?=[#""'\s,}\]]|$)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Multiline);

    /// <summary>Whether the target is written as a URL (any scheme) rather than a path.</summary>
    public static bool IsRemote(string target) => Scheme.IsMatch(target);

    /// <summary>Whether the target is an absolute path (<c>/x.json</c>, <c>C:\x.json</c>), which would make a build depend on the machine.</summary>
    public static bool IsAbsolutePath(string target) =>
        target.StartsWith("/", StringComparison.Ordinal)
        || target.StartsWith("\\", StringComparison.Ordinal)
        || (target.Length >= 3 && char.IsLetter(target[0]) && target[1] == ':' && target[2] is '/' or '\\');

    /// <summary>
    /// The file and pointer of a <c>$ref</c> written in <paramref name="fromFile"/>: a local reference (<c>#/...</c>) is
    /// in that file; null for a remote or absolute one.
    /// </summary>
    public static FileTarget? Resolve(string fromFile, string target)
    {
        var hash = target.IndexOf('#');
        var filePart = hash < 0 ? target : target.Substring(0, hash);
        var pointer = hash < 0 ? string.Empty : Uri.UnescapeDataString(target.Substring(hash + 1));
        if (filePart.Length == 0)
        {
            return new FileTarget(fromFile, pointer);
        }

        if (IsRemote(filePart) || IsAbsolutePath(filePart))
        {
            return null;
        }

        try
        {
            var folder = System.IO.Path.GetDirectoryName(fromFile) ?? string.Empty;
            return new FileTarget(System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, Uri.UnescapeDataString(filePart))), pointer);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or System.IO.PathTooLongException)
        {
            // Not a path this machine can have: no file of the project is it.
            return null;
        }
    }

    /// <summary>The full paths of the other files the <c>$ref</c>s and mappings of a JSON or YAML text may name, each once.</summary>
    public static IEnumerable<string> FilesNamedIn(string fromFile, string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var targets = ReferenceMember.Matches(text).Cast<Match>().Select(TargetOf)
            .Concat(FileName.Matches(text).Cast<Match>().Select(match => UnescapeJson(match.Groups["path"].Value)));
        foreach (var target in targets)
        {
            if (Resolve(fromFile, target) is { } resolved && resolved.FilePath != fromFile && seen.Add(resolved.FilePath))
            {
                yield return resolved.FilePath;
            }
        }
    }

    private static string TargetOf(Match reference) =>
        reference.Groups["double"].Success ? UnescapeJson(reference.Groups["double"].Value)
        : reference.Groups["single"].Success ? reference.Groups["single"].Value.Replace("''", "'")
        : reference.Groups["plain"].Value;

    /// <summary>The escapes a path may hold in a JSON or double-quoted YAML string.</summary>
    private static string UnescapeJson(string value) =>
        value.IndexOf('\\') < 0 ? value : value.Replace(@"\/", "/").Replace(@"\\", @"\").Replace(@"\""", @"""");
}
