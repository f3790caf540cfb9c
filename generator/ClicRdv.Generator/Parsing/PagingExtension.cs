using System;
using System.Collections.Generic;
using System.Linq;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// What an <c>x-paging</c> extension names, by wire name: the query parameters of the offset and the page size, and
/// the answer's members of the page's records and of the total count; and the page sizes to use.
/// </summary>
internal sealed record PagingRule(string Offset, string PageSize, string Records, string? Total, int DefaultPageSize, int? MaxPageSize);

/// <summary>
/// The <c>x-paging</c> extension, at the document's root (for every operation it fits) or on an operation (for that
/// one; <c>false</c> there turns a root rule off):
/// <c>{"offset": "startIndex", "pageSize": "results", "records": "records", "total": "totalRecords", "maxPageSize": 1000}</c>.
/// A malformed extension is reported (CRDV107) and gives no companion.
/// </summary>
internal static class PagingExtension
{
    public const string Name = "x-paging";

    /// <summary>The page size a companion asks for when the extension does not say (at most its <c>maxPageSize</c>).</summary>
    public const int FallbackPageSize = 100;

    private static readonly string[] Members = { "offset", "pageSize", "records", "total", "defaultPageSize", "maxPageSize" };

    /// <summary>Whether <paramref name="extensions"/> hold the extension at all (a rule, <c>false</c>, or a malformed value).</summary>
    public static bool IsPresent(IDictionary<string, object?>? extensions) => extensions is not null && extensions.ContainsKey(Name);

    /// <summary>The rule the extension writes, or null when it is absent, <c>false</c>, or malformed (reported at <paramref name="pointer"/>).</summary>
    public static PagingRule? Read(IDictionary<string, object?>? extensions, string pointer, string construct, DiagnosticSink diagnostics)
    {
        if (extensions is null || !extensions.TryGetValue(Name, out var value) || value is false)
        {
            return null;
        }

        var at = pointer + "/" + Name;
        var members = ExtensionMembers.Of(value);
        if (members is null)
        {
            diagnostics.PagingNotApplied(construct, at, $"{Name} takes an object naming offset, pageSize and records (or false, on an operation)");
            return null;
        }

        var unknown = members.Keys.FirstOrDefault(key => Array.IndexOf(Members, key) < 0);
        if (unknown is not null)
        {
            diagnostics.PagingNotApplied(construct, at, $"{Name} has no member '{unknown}'; it takes {string.Join(", ", Members)}");
            return null;
        }

        var offset = ExtensionMembers.Text(members, "offset");
        var pageSize = ExtensionMembers.Text(members, "pageSize");
        var records = ExtensionMembers.Text(members, "records");
        if (offset is null || pageSize is null || records is null)
        {
            diagnostics.PagingNotApplied(construct, at, $"{Name} must name, as strings, the offset and pageSize parameters and the records member");
            return null;
        }

        var hasTotal = members.ContainsKey("total");
        var total = ExtensionMembers.Text(members, "total");
        var maxPageSize = Count(members, "maxPageSize");
        var defaultPageSize = Count(members, "defaultPageSize");
        if ((hasTotal && total is null) || (members.ContainsKey("maxPageSize") && maxPageSize is null) || (members.ContainsKey("defaultPageSize") && defaultPageSize is null))
        {
            diagnostics.PagingNotApplied(construct, at, $"{Name}'s total is a member's name, and its maxPageSize and defaultPageSize are whole numbers from 1");
            return null;
        }

        if (defaultPageSize > maxPageSize)
        {
            diagnostics.PagingNotApplied(construct, at, $"{Name}'s defaultPageSize, {defaultPageSize}, is more than its maxPageSize, {maxPageSize}");
            return null;
        }

        return new PagingRule(offset, pageSize, records, total, defaultPageSize ?? Math.Min(FallbackPageSize, maxPageSize ?? FallbackPageSize), maxPageSize);
    }

    private static int? Count(IDictionary<string, object?> members, string name) =>
        members.TryGetValue(name, out var value) && ExtensionMembers.Unwrapped(value) is (long or int) and var number && Convert.ToInt64(number) is >= 1 and <= int.MaxValue and var count
            ? (int)count
            : null;
}
