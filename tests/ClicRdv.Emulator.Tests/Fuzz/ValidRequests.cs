using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CsCheck;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>
/// Requests an operation's parameters and body schemas allow: the apikey, every path parameter, every required query
/// parameter and some optional ones, the body, and Basic or session credentials when the operation takes them.
/// </summary>
internal sealed class ValidRequests(ValidValues values, string apiKey)
{
    /// <param name="knownIds">Path parameters name only records the emulator has (for requests broken one other way).</param>
    public Gen<RequestDraft> For(DocumentOperation operation, bool knownIds) =>
        from path in PathValues(operation, knownIds)
        from query in QueryPairs(operation)
        from json in operation.Body is { IsJson: true } json ? values.For(json.Schema, "body") : Gen.Const((JsonNode?)null)
        from form in operation.Body is { IsJson: false } form ? FormPairs(form.Schema).Select(pairs => (IReadOnlyList<KeyValuePair<string, string>>?)pairs) : Gen.Const((IReadOnlyList<KeyValuePair<string, string>>?)null)
        from credentials in operation.NeedsUser ? Gen.OneOf(Credentials.Basic, Credentials.Session) : Gen.Const(Credentials.None)
        select new RequestDraft(operation, path, query, json, form, credentials);

    private Gen<IReadOnlyList<KeyValuePair<string, string>>> PathValues(DocumentOperation operation, bool knownIds)
    {
        var segments = operation.Template.Split('/');
        return Sequence(operation.PathParameters.Select(parameter =>
        {
            var index = System.Array.IndexOf(segments, "{" + parameter.Name + "}");
            return values.For(parameter.Schema, "id", segments[index - 1], knownIds).Select(value => new[] { Pair(parameter.Name, value!) }.AsEnumerable());
        }));
    }

    private Gen<IReadOnlyList<KeyValuePair<string, string>>> QueryPairs(DocumentOperation operation) =>
        Sequence(operation.QueryParameters.Select(parameter =>
            from included in parameter.Required ? Gen.Const(true) : Gen.Int[0, 2].Select(choice => choice == 0)
            from value in values.For(parameter.Schema, parameter.Name)
            select included ? QueryPairsOf(parameter, value!) : Enumerable.Empty<KeyValuePair<string, string>>()))
        .Select(pairs => (IReadOnlyList<KeyValuePair<string, string>>)pairs.Prepend(KeyValuePair.Create(RequestDraft.ApiKey, System.Uri.EscapeDataString(apiKey))).ToList());

    /// <summary>A parameter's pairs: one per item for an array (the key repeated), one per field for a deepObject.</summary>
    private static IEnumerable<KeyValuePair<string, string>> QueryPairsOf(DocumentParameter parameter, JsonNode value)
    {
        if (parameter.DeepObject)
        {
            var items = value is JsonArray array ? array.ToList() : new List<JsonNode?> { value };
            return items.SelectMany((item, index) => item!.AsObject().Select(field => Pair(QueryKey.DeepObjectField(parameter, index, field.Key), field.Value!)));
        }

        return value is JsonArray list ? list.Select(item => Pair(parameter.Name, item!)) : new[] { Pair(parameter.Name, value) };
    }

    private Gen<IReadOnlyList<KeyValuePair<string, string>>> FormPairs(SchemaFacts schema) =>
        values.For(schema, "form").Select(form => (IReadOnlyList<KeyValuePair<string, string>>)form!.AsObject().Select(field => Pair(field.Key, field.Value!)).ToList());

    private static KeyValuePair<string, string> Pair(string key, JsonNode value) => KeyValuePair.Create(QueryKey.Wire(key), System.Uri.EscapeDataString(Probe.WireText(value)));

    private static Gen<IReadOnlyList<KeyValuePair<string, string>>> Sequence(IEnumerable<Gen<IEnumerable<KeyValuePair<string, string>>>> parts) =>
        parts.Aggregate(
            Gen.Const((IReadOnlyList<KeyValuePair<string, string>>)new List<KeyValuePair<string, string>>()),
            (gen, part) => gen.SelectMany(pairs => part.Select(more => (IReadOnlyList<KeyValuePair<string, string>>)pairs.Concat(more).ToList())));
}
