using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Diagnostics;
using NJsonSchema;
using NSwag;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Finds components that are only a <c>$ref</c> leading, reference after reference, back to themselves
/// (<c>"A": { "$ref": "#/components/schemas/A" }</c>, or A to B and B to A), among schemas, parameters, responses and
/// request bodies. Such a reference never reaches anything: it cannot be resolved any more than a dangling one;
/// NJsonSchema throws when asked what a schema resolves to, and NSwag reads the others as empty.
/// </summary>
internal static class ReferenceCycles
{
    /// <summary>Reports CRDV003 once per cycle, at the first component (in ordinal order) on it, naming the whole cycle.</summary>
    public static void Report(OpenApiDocument document, DiagnosticSink diagnostics)
    {
        var components = document.Components;
        Report(components.Schemas, "schemas", schema => schema.Reference, diagnostics);
        Report(components.Parameters, "parameters", parameter => parameter.Reference as OpenApiParameter, diagnostics);
        Report(components.Responses, "responses", response => response.Reference, diagnostics);
        Report(components.RequestBodies, "requestBodies", body => body.Reference, diagnostics);
    }

    private static void Report<T>(IDictionary<string, T> section, string sectionName, Func<T, T?> next, DiagnosticSink diagnostics)
        where T : class
    {
        var prefix = "#/components/" + sectionName + "/";
        var names = new Dictionary<T, string>(ReferenceEqualityComparer<T>.Instance);
        foreach (var component in section.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (component.Value is not null && !names.ContainsKey(component.Value))
            {
                names.Add(component.Value, component.Key);
            }
        }

        var reported = new HashSet<T>(ReferenceEqualityComparer<T>.Instance);
        foreach (var component in names)
        {
            var cycle = CycleFrom(component.Key, next);
            if (cycle is null || !reported.Add(component.Key))
            {
                continue;
            }

            reported.UnionWith(cycle);
            var steps = cycle.Append(component.Key).Select(item => names.TryGetValue(item, out var name) ? prefix + name : "(an inline " + sectionName + " entry)");
            diagnostics.DocumentError(
                DiagnosticDescriptors.UnresolvedReference,
                diagnostics.Locator.OfPointer("/components/" + sectionName + "/" + component.Value.Replace("~", "~0").Replace("/", "~1")),
                "'" + string.Join(" -> ", steps) + "'");
        }
    }

    /// <summary>The items from <paramref name="start"/> back to it, reference after reference; null if the references end or loop elsewhere.</summary>
    private static List<T>? CycleFrom<T>(T start, Func<T, T?> next)
        where T : class
    {
        var chain = new List<T>();
        var seen = new HashSet<T>(ReferenceEqualityComparer<T>.Instance);
        for (var current = start; current is not null; current = next(current))
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
