using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Diagnostics;
using NJsonSchema;
using NSwag;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Finds component schemas that are only a <c>$ref</c> leading, reference after reference, back to themselves
/// (<c>"A": { "$ref": "#/components/schemas/A" }</c>, or A to B and B to A). Such a reference never reaches a schema:
/// it cannot be resolved any more than a dangling one, and NJsonSchema throws when asked what it resolves to.
/// </summary>
internal static class ReferenceCycles
{
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>Reports CRDV003 once per cycle, at the first component (in ordinal order) on it, naming the whole cycle.</summary>
    public static void Report(OpenApiDocument document, DiagnosticSink diagnostics)
    {
        var names = new Dictionary<JsonSchema, string>(ReferenceEqualityComparer<JsonSchema>.Instance);
        foreach (var component in document.Components.Schemas.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (component.Value is not null && !names.ContainsKey(component.Value))
            {
                names.Add(component.Value, component.Key);
            }
        }

        var reported = new HashSet<JsonSchema>(ReferenceEqualityComparer<JsonSchema>.Instance);
        foreach (var component in names)
        {
            var cycle = CycleFrom(component.Key);
            if (cycle is null || !reported.Add(component.Key))
            {
                continue;
            }

            reported.UnionWith(cycle);
            var steps = cycle.Append(component.Key).Select(schema => names.TryGetValue(schema, out var name) ? ComponentPrefix + name : "(an inline schema)");
            diagnostics.DocumentError(
                DiagnosticDescriptors.UnresolvedReference,
                diagnostics.Locator.OfPointer("/components/schemas/" + component.Value.Replace("~", "~0").Replace("/", "~1")),
                string.Join(" -> ", steps));
        }
    }

    /// <summary>The schemas from <paramref name="start"/> back to it, reference after reference; null if the references end or loop elsewhere.</summary>
    private static List<JsonSchema>? CycleFrom(JsonSchema start)
    {
        var chain = new List<JsonSchema>();
        var seen = new HashSet<JsonSchema>(ReferenceEqualityComparer<JsonSchema>.Instance);
        for (var current = start; current is not null; current = current.Reference)
        {
            if (!seen.Add(current))
            {
                return ReferenceEquals(current, start) ? chain : null;
            }

            chain.Add(current);
        }

        return null;
    }
}
