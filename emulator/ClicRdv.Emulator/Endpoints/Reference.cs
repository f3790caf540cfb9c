using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ClicRdv.Emulator.Data;

namespace ClicRdv.Emulator.Endpoints;

/// <summary>
/// A member of a request body that names another record by id (<c>calendar_id</c>, <c>intervention_ids</c>,
/// <c>fiche.id</c>...): on create and on update it must name a record of the path's group.
/// </summary>
/// <param name="Member">The member, with a dot for a nested one (<c>fiche.id</c>); an array names one record per item.</param>
/// <param name="ZeroMeansNone">Whether 0 stands for "none" (an event's <c>intervention_id</c> and <c>fiche_id</c>).</param>
internal sealed record Reference(string Member, string Table, string Label, bool ZeroMeansNone = false)
{
    /// <summary>Why one of <paramref name="references"/> in <paramref name="fields"/> is not the group's, or null (call under the store's lock).</summary>
    public static string? Foreign(Store tables, long groupId, JsonObject fields, IEnumerable<Reference> references)
    {
        foreach (var reference in references)
        {
            foreach (var id in reference.Ids(fields))
            {
                if (tables.Find(reference.Table, id) is not { } row || row.Long("group_id") != groupId)
                {
                    return $"{reference.Member} {id} is not {reference.Label} of this group";
                }
            }
        }

        return null;
    }

    /// <summary>The ids the member names; null (and 0 where it means none) names nothing.</summary>
    private IEnumerable<long> Ids(JsonObject fields)
    {
        JsonNode? node = fields;
        foreach (var name in Member.Split('.'))
        {
            node = (node as JsonObject)?[name];
        }

        var values = node is JsonArray items ? items.ToList() : new List<JsonNode?> { node };
        return values.OfType<JsonValue>()
            .Select(value => value.TryGetValue<long>(out var id) ? id : 0)
            .Where(id => id != 0 || !ZeroMeansNone);
    }
}
