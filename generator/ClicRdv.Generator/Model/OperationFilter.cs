namespace ClicRdv.Generator.Model;

/// <summary>
/// Which operations of a document are generated (<c>ClicRdvIncludeTags</c>, <c>ClicRdvExcludeTags</c>,
/// <c>ClicRdvIncludePaths</c>, <c>ClicRdvExcludePaths</c>). An empty include list selects every operation; an
/// operation is kept when it passes every list.
/// </summary>
/// <param name="IncludeTags">Tag names (compared ignoring case): an operation is kept when one of its tags is listed.</param>
/// <param name="ExcludeTags">Tag names: an operation with one of them is left out.</param>
/// <param name="IncludePaths">Path patterns (see <c>PathPattern</c>): an operation is kept when its path matches one.</param>
/// <param name="ExcludePaths">Path patterns: an operation whose path matches one is left out.</param>
internal sealed record OperationFilter(
    EquatableArray<string> IncludeTags,
    EquatableArray<string> ExcludeTags,
    EquatableArray<string> IncludePaths,
    EquatableArray<string> ExcludePaths)
{
    public static readonly OperationFilter Everything = new(EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    /// <summary>Whether every operation is kept, so that unused contracts stay as well.</summary>
    public bool SelectsEverything => IncludeTags.Count == 0 && ExcludeTags.Count == 0 && IncludePaths.Count == 0 && ExcludePaths.Count == 0;
}

/// <summary>What is generated for a document (<c>ClicRdvGenerate</c>).</summary>
internal enum GeneratedParts
{
    /// <summary>Contracts, JSON metadata, interfaces, clients and the catalog.</summary>
    All,

    /// <summary>Contracts and their JSON metadata only: no interface, client, catalog or registration.</summary>
    Contracts,
}
