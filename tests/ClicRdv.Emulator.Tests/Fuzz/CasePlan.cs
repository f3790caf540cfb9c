using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CsCheck;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>One request of the plan: its name within its operation, its class, and how to generate it from a seed.</summary>
internal sealed record CaseSlot(DocumentOperation Operation, string Name, string Class, Gen<FuzzRequest> Gen)
{
    /// <summary>The prefix of its replay seed: <c>operationId/name</c>.</summary>
    public string Key => $"{Operation.OperationId}/{Name}";
}

/// <summary>
/// What the fuzz sends for one operation, all derived from the operation's parameters and body in the document: two
/// valid requests, then requests broken one way each. Every value at and past a bound the schemas give is sent once,
/// and every listed date limit; the other classes take one or a few cases. The seed picks the target of each.
/// </summary>
internal sealed class CasePlan(ValidRequests valid, ValidValues values)
{
    public const int ValidCases = 2;
    public const int HugeArray = 10_000;

    /// <summary>Past the 50 ids an id array of availabletimeslots may hold.</summary>
    public const int LongQueryArray = 51;

    public IReadOnlyList<CaseSlot> For(DocumentOperation operation)
    {
        var valids = valid.For(operation, knownIds: false);
        var drafts = valid.For(operation, knownIds: true);
        var targets = new RequestDraft(operation, new List<KeyValuePair<string, string>>(), new List<KeyValuePair<string, string>>(), null, null, Credentials.None).Targets().ToList();
        var slots = new List<CaseSlot>();
        void Add(string @class, Gen<FuzzRequest> gen) => slots.Add(new CaseSlot(operation, $"{@class}-{slots.Count(slot => slot.Class == @class) + 1}", @class, gen));
        void Probes(string @class, IReadOnlyList<Target> candidates, Probe probe) => Add(@class, from draft in drafts from target in Gen.OneOf(candidates.ToArray()) select Put(draft, @class, target, probe));

        for (var index = 0; index < ValidCases; index++)
        {
            Add("valid", valids.Select(draft => draft.Finish("valid", "as the document allows", Expectation.NotServerError, null)));
        }

        // Each value at or past a bound once, on one of the targets with that bound (the ids share theirs).
        var numeric = targets.Where(target => ValueProbes.TakesNumbers(target.Schema)).ToList();
        foreach (var bound in numeric.SelectMany(target => ValueProbes.Bounds(target.Schema).Select(probe => (Probe: probe, Target: target))).GroupBy(bound => bound.Probe.Json))
        {
            Probes("numbers", bound.Select(pair => pair.Target).ToList(), bound.First().Probe);
        }

        if (numeric.Count > 0)
        {
            Add("numbers", from draft in drafts from target in Gen.OneOf(numeric.ToArray()) from probe in Gen.OneOf(ValueProbes.NumberLimits) select Put(draft, "numbers", target, probe));
        }

        foreach (var format in targets.Where(target => target.Schema.IsDate).GroupBy(target => target.Schema.DateFormat!))
        {
            foreach (var probe in ValueProbes.Dates(format.Key))
            {
                Probes("dates", format.ToList(), probe);
            }
        }

        var texts = targets.Where(target => target.Schema.Type == "string" && !target.Schema.IsDate).ToList();
        if (texts.Count > 0)
        {
            foreach (var length in new[] { 0, 1, 2 })
            {
                Add("long-strings", from draft in drafts from target in Gen.OneOf(texts.ToArray()) select Put(draft, "long-strings", target, ValueProbes.LongTexts(target.Schema, target.Place)[length]));
            }
        }

        var unicodeTargets = texts.Count > 0 ? texts : targets;
        Add("unicode", from draft in drafts from target in Gen.OneOf(unicodeTargets.ToArray()) from probe in Gen.OneOf(ValueProbes.Unicode) select Put(draft, "unicode", target, probe));

        Add("missing-keys", drafts.SelectMany(KeyBreakages.Missing));
        Add("duplicate-keys", drafts.SelectMany(KeyBreakages.Duplicate));
        Add("unknown-keys", drafts.SelectMany(KeyBreakages.Unknown));

        var typed = targets.Select(target => (Target: target, Probes: target.Place == Place.Json ? ValueProbes.WrongJsonTypes(target.Schema) : ValueProbes.WrongTexts(target.Schema, target.Place)))
            .Where(candidate => candidate.Probes.Length > 0)
            .ToArray();
        foreach (var place in typed.Select(candidate => candidate.Target.Place == Place.Json).Distinct())
        {
            var here = typed.Where(candidate => (candidate.Target.Place == Place.Json) == place).ToArray();
            Add("wrong-types", from draft in drafts from candidate in Gen.OneOf(here) from probe in Gen.OneOf(candidate.Probes) select Put(draft, "wrong-types", candidate.Target, probe));
        }

        foreach (var array in targets.Where(target => target.Place == Place.Json && target.Schema.Type == "array"))
        {
            Add("huge-arrays", from draft in drafts from item in values.For(array.Schema.Items!, array.Name, array.Parent) select HugeJsonArray(draft, array, item));
        }

        foreach (var parameter in operation.QueryParameters.Where(parameter => parameter.Schema.Type == "array" && !parameter.DeepObject))
        {
            foreach (var count in new[] { LongQueryArray, HugeArray })
            {
                Add("huge-arrays", from draft in drafts from item in values.For(parameter.Schema.Items!, parameter.Name) select LongQueryArrayOf(draft, parameter, item!, count));
            }
        }

        if (operation.Body is { } body)
        {
            Add("big-bodies", drafts.Select(draft => BodyBreakages.Padded(draft, RequestDraft.MaxBodyBytes)));
            Add("big-bodies", drafts.Select(draft => BodyBreakages.Padded(draft, RequestDraft.MaxBodyBytes + 1)));
            if (body.IsJson)
            {
                Add("malformed-json", drafts.SelectMany(BodyBreakages.Malformed));
            }
        }

        return slots;
    }

    /// <summary>For each path of the document, a method it does not have: 405, with an Allow header.</summary>
    public IEnumerable<CaseSlot> WrongMethods(IEnumerable<DocumentOperation> operations)
    {
        foreach (var path in operations.GroupBy(operation => operation.Template))
        {
            var method = DocumentOperation.Methods.Select(name => name.ToUpperInvariant()).First(name => path.All(operation => operation.Method != name));
            yield return new CaseSlot(path.First(), "wrong-method", "wrong-method", valid.For(path.First(), knownIds: true).Select(draft =>
                (draft with { Json = null, Form = null }).Finish("wrong-method", $"{method} on {path.Key}", Expectation.MethodNotAllowed, $"the document has no {method} on this path") with { Method = method }));
        }
    }

    private static FuzzRequest Put(RequestDraft draft, string @class, Target target, Probe probe)
    {
        var (expected, why) = Expectations.Of(target.Schema, probe, target.Place);
        return draft.With(target, probe).Finish(@class, $"{target} = {probe}", expected, why);
    }

    private static FuzzRequest HugeJsonArray(RequestDraft draft, Target array, JsonNode? item)
    {
        var text = "[" + string.Join(",", Enumerable.Repeat(item?.ToJsonString() ?? "null", HugeArray)) + "]";
        var (expected, why) = TooMany(array.Schema, HugeArray);
        return draft.WithJsonText(array.JsonPath, text).Finish("huge-arrays", $"{array} = {HugeArray} x {item?.ToJsonString()}", expected, why);
    }

    private static FuzzRequest LongQueryArrayOf(RequestDraft draft, DocumentParameter parameter, JsonNode item, int count)
    {
        var key = QueryKey.Wire(parameter.Name);
        var pair = KeyValuePair.Create(key, System.Uri.EscapeDataString(Probe.WireText(item)));
        var (expected, why) = TooMany(parameter.Schema, count);
        return (draft with { Query = draft.Query.Where(existing => existing.Key != key).Concat(Enumerable.Repeat(pair, count)).ToList() })
            .Finish("huge-arrays", $"query '{parameter.Name}' x {count} = {Probe.WireText(item)}", expected, why);
    }

    private static (Expectation, string?) TooMany(SchemaFacts array, int count) =>
        count > array.MaxItems ? (Expectation.BadRequest, $"{count} items, over maxItems {array.MaxItems}") : (Expectation.NotServerError, null);
}
