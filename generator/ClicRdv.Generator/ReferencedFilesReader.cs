using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace ClicRdv.Generator;

/// <summary>
/// Gives each document the texts of the project's files its <c>$ref</c>s reach, directly or through each other
/// (a split document: <c>./schemas/pet.yaml#/Pet</c>). Only JSON and YAML AdditionalFiles are candidates, so nothing
/// the project did not list is ever read; each file's references are found once per edit of that file.
/// </summary>
internal static class ReferencedFilesReader
{
    private static readonly string[] Extensions = { ".json", ".yaml", ".yml" };

    public static bool IsReferable(AdditionalText file) =>
        Extensions.Any(extension => file.Path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    public static ReferableFile Read(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new ReferableFile(file.Path, text, RelativeReferences.FilesNamedIn(file.Path, text).ToEquatableArray());
    }

    /// <summary>The input with the files its document reaches, in path order; the same input when it reaches none.</summary>
    public static DocumentInput Attach(DocumentInput input, ImmutableArray<ReferableFile> files)
    {
        var lookup = new PathLookup<ReferableFile>(files, file => file.Path);
        var reached = new Dictionary<string, ReferableFile>(StringComparer.Ordinal);
        var pending = new Queue<string>(lookup.Find(input.FilePath)?.NamedFiles ?? RelativeReferences.FilesNamedIn(input.FilePath, input.Text).ToEquatableArray());
        while (pending.Count > 0)
        {
            if (lookup.Find(pending.Dequeue()) is { } file && file.Path != input.FilePath && !reached.ContainsKey(file.Path))
            {
                reached.Add(file.Path, file);
                foreach (var named in file.NamedFiles)
                {
                    pending.Enqueue(named);
                }
            }
        }

        return reached.Count == 0
            ? input
            : input with
            {
                ReferencedFiles = reached.Values
                    .OrderBy(file => file.Path, StringComparer.Ordinal)
                    .Select(file => new ReferencedFile(file.Path, file.Text))
                    .ToEquatableArray(),
            };
    }
}
