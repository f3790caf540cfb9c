using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CsCheck;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>A key left out, given twice, or unknown: in the query (the apikey too), in the JSON body, in the form.</summary>
internal static class KeyBreakages
{
    private const string UnknownKey = "fuzz_unknown";

    public static Gen<FuzzRequest> Missing(RequestDraft draft) => Gen.OneOf(Places(draft)).SelectMany(place => place switch
    {
        Place.Query => Gen.OneOf(draft.Query.Select(pair => pair.Key).Distinct().ToArray()).Select(key =>
        {
            var broken = draft with { Query = draft.Query.Where(pair => pair.Key != key).ToList() };
            var (expected, why) = key == RequestDraft.ApiKey ? (Expectation.Unauthorized, "the apikey is missing")
                : draft.Operation.QueryParameters.Any(parameter => parameter.Required && QueryKey.Wire(parameter.Name) == key) ? (Expectation.BadRequest, "a required query parameter is missing")
                : (Expectation.NotServerError, null);
            return broken.Finish("missing-keys", $"query key '{Uri.UnescapeDataString(key)}' left out", expected, why);
        }),
        Place.Json => Gen.OneOf(JsonPaths.Members(draft.Json).ToArray()).Select(member =>
        {
            var json = draft.Json!.DeepClone();
            JsonPaths.Get(json, member.ObjectPath)!.AsObject().Remove(member.Member);
            var required = draft.JsonSchemaAt(member.ObjectPath)?.Required.Contains(member.Member) == true;
            return (draft with { Json = json }).Finish("missing-keys", $"body member /{Path(member)} left out", required ? Expectation.BadRequest : Expectation.NotServerError, required ? "a required member is missing" : null);
        }),
        _ => Gen.Int[0, draft.Form!.Count - 1].Select(index =>
            (draft with { Form = draft.Form.Where((_, at) => at != index).ToList() }).Finish("missing-keys", $"form field '{Uri.UnescapeDataString(draft.Form[index].Key)}' left out", Expectation.NotServerError, null)),
    });

    public static Gen<FuzzRequest> Duplicate(RequestDraft draft) => Gen.OneOf(Places(draft)).SelectMany(place => place switch
    {
        Place.Query => Gen.Int[0, draft.Query.Count - 1].Select(index =>
        {
            var pair = draft.Query[index];
            var parameter = draft.Operation.QueryParameters.FirstOrDefault(candidate => QueryKey.Wire(candidate.Name) == pair.Key);
            var (expected, why) = pair.Key == RequestDraft.ApiKey ? (Expectation.Unauthorized, "the apikey is given twice")
                : parameter is { DeepObject: false } && parameter.Schema.Type != "array" ? (Expectation.BadRequest, "a query parameter that takes one value is given twice")
                : (Expectation.NotServerError, null);
            return (draft with { Query = draft.Query.Append(pair).ToList() }).Finish("duplicate-keys", $"query key '{Uri.UnescapeDataString(pair.Key)}' given twice", expected, why);
        }),
        Place.Json => Gen.OneOf(JsonPaths.Members(draft.Json).ToArray()).Select(member =>
        {
            // A JSON tree cannot hold a key twice: the object is written by hand, its first member repeated first.
            var owner = JsonPaths.Get(draft.Json, member.ObjectPath)!.AsObject();
            var duplicated = "{" + System.Text.Json.JsonSerializer.Serialize(member.Member) + ":" + (owner[member.Member]?.ToJsonString() ?? "null") + "," + owner.ToJsonString()[1..];
            return draft.WithJsonText(member.ObjectPath, duplicated).Finish("duplicate-keys", $"body member /{Path(member)} given twice", Expectation.NotServerError, null);
        }),
        _ => Gen.Int[0, draft.Form!.Count - 1].Select(index =>
            (draft with { Form = draft.Form.Append(draft.Form[index]).ToList() }).Finish("duplicate-keys", $"form field '{Uri.UnescapeDataString(draft.Form[index].Key)}' given twice", Expectation.NotServerError, null)),
    });

    public static Gen<FuzzRequest> Unknown(RequestDraft draft) => Gen.OneOf(Places(draft)).SelectMany(place => place switch
    {
        Place.Query => Gen.Const((draft with { Query = draft.Query.Append(KeyValuePair.Create(UnknownKey, "1")).ToList() })
            .Finish("unknown-keys", $"query key '{UnknownKey}' added", Expectation.BadRequest, "the document has no such query parameter")),
        Place.Json => Gen.OneOf(Objects(draft.Json).ToArray()).Select(path =>
        {
            var json = draft.Json!.DeepClone();
            JsonPaths.Get(json, path)!.AsObject()[UnknownKey] = 1;
            return (draft with { Json = json }).Finish("unknown-keys", $"body member /{string.Join("/", path.Append(UnknownKey))} added", Expectation.NotServerError, null);
        }),
        _ => Gen.Const((draft with { Form = draft.Form!.Append(KeyValuePair.Create(UnknownKey, "1")).ToList() })
            .Finish("unknown-keys", $"form field '{UnknownKey}' added", Expectation.NotServerError, null)),
    });

    /// <summary>Where keys can be broken in this request: its query always, and its JSON body or form when it has members.</summary>
    private static Place[] Places(RequestDraft draft)
    {
        var places = new List<Place> { Place.Query };
        if (JsonPaths.Members(draft.Json).Any())
        {
            places.Add(Place.Json);
        }

        if (draft.Form is { Count: > 0 })
        {
            places.Add(Place.Form);
        }

        return places.ToArray();
    }

    private static IEnumerable<IReadOnlyList<string>> Objects(JsonNode? json) =>
        json is JsonObject ? JsonPaths.Members(json).Select(member => member.ObjectPath).Prepend(Array.Empty<string>()).DistinctBy(path => string.Join("/", path)) : Enumerable.Empty<IReadOnlyList<string>>();

    private static string Path((IReadOnlyList<string> ObjectPath, string Member) member) => string.Join("/", member.ObjectPath.Append(member.Member));
}
