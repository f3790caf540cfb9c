using System;
using System.Collections.Generic;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Finds a project file by the path a reference resolves to: the exact path first, then one that differs only in
/// case, because a reference written <c>./Schemas/pet.json</c> reaches <c>schemas/pet.json</c> on Windows and macOS.
/// </summary>
internal sealed class PathLookup<T>
    where T : class
{
    private readonly Dictionary<string, T> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T> _ignoringCase = new(StringComparer.OrdinalIgnoreCase);

    public PathLookup(IEnumerable<T> items, Func<T, string> pathOf)
    {
        foreach (var item in items)
        {
            var path = pathOf(item);
            if (!_exact.ContainsKey(path))
            {
                _exact.Add(path, item);
            }

            if (!_ignoringCase.ContainsKey(path))
            {
                _ignoringCase.Add(path, item);
            }
        }
    }

    public T? Find(string path) =>
        _exact.TryGetValue(path, out var exact) ? exact
        : _ignoringCase.TryGetValue(path, out var other) ? other
        : null;
}
