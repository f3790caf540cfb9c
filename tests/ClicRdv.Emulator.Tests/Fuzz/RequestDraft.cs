using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>Where a value sits in a request.</summary>
internal enum Place
{
    Path,
    Query,
    Json,
    Form,
}

/// <summary>A value of a request that a breakage can change: a path or query parameter, a form field, a JSON member.</summary>
/// <param name="Name">The parameter, query key or form field; the member's name for a JSON target.</param>
/// <param name="JsonPath">The members (and array indexes) from the body's root to a JSON target.</param>
/// <param name="Parent">The object a JSON member is in, or the path segment before a path parameter.</param>
internal sealed record Target(Place Place, string Name, IReadOnlyList<string> JsonPath, SchemaFacts Schema, string? Parent)
{
    public override string ToString() => Place == Place.Json ? "body /" + string.Join("/", JsonPath) : $"{Place.ToString().ToLowerInvariant()} '{Name}'";
}

/// <summary>
/// A request being built: first valid, then broken one way. Path, query and form values are kept as wire text
/// (percent-encoded); the JSON body as a tree, with at most one member replaced by raw JSON text when it is finished.
/// </summary>
internal sealed record RequestDraft(
    DocumentOperation Operation,
    IReadOnlyList<KeyValuePair<string, string>> PathValues,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    JsonNode? Json,
    IReadOnlyList<KeyValuePair<string, string>>? Form,
    Credentials Credentials)
{
    /// <summary>The largest body the issue allows: 64 KiB.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public const string ApiKey = "apikey";

    /// <summary>A member replaced by raw JSON text (a number past int64, a lone surrogate), set by <see cref="WithJsonText"/>.</summary>
    private (IReadOnlyList<string> Path, string Json)? Splice { get; init; }

    /// <summary>A whole body written by hand (malformed, padded, with a duplicate key).</summary>
    public string? RawBody { get; init; }

    /// <summary>The text of the JSON body or the form, as it would be sent.</summary>
    public string? BodyText => RawBody ?? JsonText() ?? (Form is null ? null : string.Join("&", Form.Select(pair => pair.Key + "=" + pair.Value)));

    /// <summary>Every value a breakage can change, including the members the valid request left out.</summary>
    public IEnumerable<Target> Targets()
    {
        var previous = Operation.Template.Split('/');
        foreach (var parameter in Operation.PathParameters)
        {
            var index = Array.IndexOf(previous, "{" + parameter.Name + "}");
            yield return new Target(Place.Path, parameter.Name, Array.Empty<string>(), parameter.Schema, index > 0 ? previous[index - 1] : null);
        }

        foreach (var parameter in Operation.QueryParameters)
        {
            if (parameter.DeepObject)
            {
                var fields = (parameter.Schema.Items ?? parameter.Schema).Properties;
                foreach (var (field, schema) in fields)
                {
                    yield return new Target(Place.Query, QueryKey.DeepObjectField(parameter, 0, field), Array.Empty<string>(), schema, parameter.Name);
                }
            }
            else
            {
                yield return new Target(Place.Query, parameter.Name, Array.Empty<string>(), parameter.Schema.Type == "array" ? parameter.Schema.Items! : parameter.Schema, null);
            }
        }

        if (Operation.Body is { IsJson: true } json)
        {
            foreach (var target in JsonTargets(json.Schema, new List<string>(), null, 0))
            {
                yield return target;
            }
        }
        else if (Operation.Body is { } form)
        {
            foreach (var (field, schema) in form.Schema.Properties)
            {
                yield return new Target(Place.Form, field, Array.Empty<string>(), schema, null);
            }
        }
    }

    /// <summary>This request with <paramref name="target"/> set to <paramref name="probe"/> (added if it was left out).</summary>
    public RequestDraft With(Target target, Probe probe) => target.Place switch
    {
        Place.Path => this with { PathValues = Replace(PathValues, target.Name, probe.Wire) },
        Place.Query => this with { Query = Replace(Query, QueryKey.Wire(target.Name), probe.Wire) },
        Place.Form => this with { Form = Replace(Form ?? Array.Empty<KeyValuePair<string, string>>(), QueryKey.Wire(target.Name), probe.Wire) },
        _ => WithJsonText(target.JsonPath, probe.Json),
    };

    /// <summary>This request with the JSON value at <paramref name="path"/> (the whole body for an empty path) written as <paramref name="json"/>.</summary>
    public RequestDraft WithJsonText(IReadOnlyList<string> path, string json) => path.Count == 0 ? this with { RawBody = json } : this with { Splice = (path, json) };

    /// <summary>The request as it goes on the wire; a body past 64 KiB must be refused whatever else it holds.</summary>
    public FuzzRequest Finish(string @class, string what, Expectation expected, string? why)
    {
        var path = PathValues.Aggregate(Operation.Template, (template, value) => template.Replace("{" + value.Key + "}", value.Value, StringComparison.Ordinal));
        var query = string.Join("&", Query.Select(pair => pair.Key + "=" + pair.Value));
        var body = BodyText;
        if (body is not null && Encoding.UTF8.GetByteCount(body) > MaxBodyBytes && expected == Expectation.NotServerError)
        {
            (expected, why) = (Expectation.BadRequest, $"the body is {Encoding.UTF8.GetByteCount(body)} bytes, over 64 KiB");
        }

        return new FuzzRequest(@class, what, Operation.Method, path + (query.Length > 0 ? "?" + query : string.Empty), body is null ? null : Operation.Body?.MediaType, body, Credentials, expected, why);
    }

    /// <summary>The schema of the JSON value at <paramref name="path"/>, or null where the document describes none.</summary>
    public SchemaFacts? JsonSchemaAt(IReadOnlyList<string> path) => path.Aggregate(
        Operation.Body?.Schema,
        (schema, step) => schema?.Type == "array" ? schema.Items : schema?.Properties.Where(property => property.Name == step).Select(property => property.Schema).FirstOrDefault());

    private string? JsonText()
    {
        if (Json is null)
        {
            return null;
        }

        if (Splice is not { } splice)
        {
            return Json.ToJsonString();
        }

        const string Marker = "fuzz-splice-1f4e";
        var copy = Json.DeepClone();
        JsonPaths.Set(copy, splice.Path, JsonValue.Create(Marker));
        return copy.ToJsonString().Replace("\"" + Marker + "\"", splice.Json, StringComparison.Ordinal);
    }

    private static IEnumerable<Target> JsonTargets(SchemaFacts schema, List<string> path, string? parent, int depth)
    {
        if (path.Count > 0)
        {
            yield return new Target(Place.Json, path[^1], path.ToList(), schema, parent);
        }

        if (depth > 4)
        {
            yield break;
        }

        var children = schema.Type == "array" && schema.Items is { } items
            ? new[] { ("0", items) }
            : schema.Properties.Select(property => (property.Name, property.Schema)).ToArray();
        foreach (var (step, child) in children)
        {
            foreach (var target in JsonTargets(child, new List<string>(path) { step }, path.Count > 0 ? path[^1] : null, depth + 1))
            {
                yield return target;
            }
        }
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Replace(IReadOnlyList<KeyValuePair<string, string>> pairs, string key, string value)
    {
        var copy = pairs.ToList();
        var index = copy.FindIndex(pair => pair.Key == key);
        if (index < 0)
        {
            copy.Add(KeyValuePair.Create(key, value));
        }
        else
        {
            copy[index] = KeyValuePair.Create(key, value);
        }

        return copy;
    }
}
