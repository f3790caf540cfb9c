using System;
using System.Collections.Generic;
using System.Linq;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>
/// The ids of the records the emulator has, by collection (the last segment of a collection's path, such as
/// <c>calendars</c>), found by listing every collection of the document before the fuzz. Valid requests name them, so
/// that they reach past "not found" into the operations' rules.
/// </summary>
internal sealed class KnownIds
{
    private readonly Dictionary<string, long[]> _byCollection = new(StringComparer.Ordinal);

    public void Add(string collectionTemplate, IEnumerable<long> ids) => _byCollection[collectionTemplate.Split('/')[^1]] = ids.ToArray();

    /// <summary>
    /// The ids a value named <paramref name="name"/> (in an object named <paramref name="parent"/>, if any) likely
    /// refers to: <c>calendar_id</c> and <c>calendar_ids[]</c> to calendars, <c>id</c> in <c>fiche</c> to fiches, a path's
    /// <c>{id}</c> to the collection before it.
    /// </summary>
    public IReadOnlyList<long> For(string name, string? parent)
    {
        var bare = name.Replace("[]", string.Empty, StringComparison.Ordinal);
        var stem = bare == "id" ? parent : bare.EndsWith("_ids", StringComparison.Ordinal) ? bare[..^4] : bare.EndsWith("_id", StringComparison.Ordinal) ? bare[..^3] : null;
        return stem is not null && _byCollection.TryGetValue(stem.EndsWith('s') ? stem : stem + "s", out var ids) ? ids : Array.Empty<long>();
    }
}
