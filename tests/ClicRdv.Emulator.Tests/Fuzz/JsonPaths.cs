using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>Members of a JSON body by their path from the root (member names, and array indexes as digits).</summary>
internal static class JsonPaths
{
    /// <summary>Sets the value at <paramref name="path"/>, creating the objects and arrays on the way.</summary>
    public static void Set(JsonNode root, IReadOnlyList<string> path, JsonNode? value)
    {
        var parent = path.Take(path.Count - 1).Select((step, index) => (step, index)).Aggregate(root, (node, step) =>
        {
            var next = Child(node, step.step);
            if (next is null)
            {
                next = int.TryParse(path[step.index + 1], out _) ? new JsonArray() : new JsonObject();
                Put(node, step.step, next);
            }

            return next;
        });
        Put(parent, path[^1], value);
    }

    /// <summary>The value at <paramref name="path"/>, or null when it is not there.</summary>
    public static JsonNode? Get(JsonNode? root, IReadOnlyList<string> path) => path.Aggregate(root, (node, step) => node is null ? null : Child(node, step));

    /// <summary>Every object member of the tree, as (path of its object, member name), the root's first.</summary>
    public static IEnumerable<(IReadOnlyList<string> ObjectPath, string Member)> Members(JsonNode? node, IReadOnlyList<string>? path = null)
    {
        path ??= new List<string>();
        var children = node switch
        {
            JsonObject json => json.Select(member => (member.Key, member.Value)).ToList(),
            JsonArray array => array.Select((item, index) => (index.ToString(System.Globalization.CultureInfo.InvariantCulture), item)).ToList(),
            _ => new List<(string, JsonNode?)>(),
        };
        foreach (var (step, child) in children)
        {
            if (node is JsonObject)
            {
                yield return (path, step);
            }

            foreach (var nested in Members(child, path.Append(step).ToList()))
            {
                yield return nested;
            }
        }
    }

    private static JsonNode? Child(JsonNode node, string step) => node switch
    {
        JsonArray array when int.TryParse(step, out var index) => index < array.Count ? array[index] : null,
        JsonObject json => json[step],
        _ => null,
    };

    private static void Put(JsonNode node, string step, JsonNode? value)
    {
        if (node is JsonArray array && int.TryParse(step, out var index))
        {
            while (array.Count <= index)
            {
                array.Add(null);
            }

            array[index] = value;
        }
        else
        {
            node.AsObject()[step] = value;
        }
    }
}
