using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ClicRdv.Generator.Tests.Infrastructure;
using CsCheck;

namespace ClicRdv.Generator.Tests.PropertyBased;

/// <summary>A real document with one thing broken, and what was broken (printed when a case fails).</summary>
internal sealed record MutatedDocument(string Fixture, string Mutation, string Text)
{
    public override string ToString() => $"{Fixture}, {Mutation}";
}

/// <summary>
/// Breaks real documents one way at a time: the text cut short, a member removed, a value of another JSON type, a
/// dangling or cyclic <c>$ref</c>, a <c>$ref</c> to a URL or a file (which must be refused, never opened), a member written twice, names that collide or are unicode. Real documents reach
/// code paths a generator of documents does not think of; each mutation starts from a valid one. Each breakage also
/// comes written in YAML.
/// </summary>
internal static class DocumentMutator
{
    /// <summary>Small enough to generate and compile in a fraction of a second each.</summary>
    public static readonly string[] FixtureNames =
    {
        "petstore.openapi.json", "constructs.openapi.json", "hostile-names.openapi.json", "clicrdv.v1.openapi.json",
        "corpus/petstore-expanded.openapi.json", "corpus/uspto.openapi.json", "corpus/callback-example.openapi.json",
        "corpus/link-example.openapi.json", "corpus/api-with-examples.openapi.json",
    };

    private static readonly Lazy<string[]> Texts = new(() => FixtureNames.Select(Fixtures.Read).ToArray());

    private enum Kind
    {
        Truncate,
        RemoveMember,
        Retype,
        DanglingRef,
        ExternalRef,
        CyclicRef,
        DuplicateMember,
        CollidingName,
        UnicodeName,
    }

    private static readonly string[] DanglingTargets =
    {
        "#/components/schemas/Missing", "#/components/parameters/Missing", "#/nowhere", "other-file.json#/components/schemas/Pet", "#/components/schemas/",
    };

    /// <summary>
    /// References the generator must refuse without opening them. Port 9 (discard) on loopback: were one ever fetched,
    /// the case would fail on its diagnostics rather than hang.
    /// </summary>
    private static readonly string[] ExternalTargets =
    {
        "http://127.0.0.1:9/remote.json#/components/schemas/Pet", "https://example.com/schemas/pet.json", "file:///etc/hostname", "/etc/hostname#/Pet", "./schemas/pet.json#/Pet",
    };

    private const string Truncated = "truncated at ";

    public static readonly Gen<MutatedDocument> Mutations =
        from fixture in Gen.Int[0, FixtureNames.Length - 1]
        from kind in Gen.Enum<Kind>()
        from pick in Gen.Int[0, int.MaxValue]
        from variant in Gen.Int[0, 4]
        select Mutate(fixture, kind, pick, variant);

    /// <summary>The same breakages written in YAML; a document cut short is its YAML form cut at the same fraction.</summary>
    public static readonly Gen<MutatedDocument> YamlMutations = Mutations.Select(InYaml);

    private static MutatedDocument Mutate(int fixture, Kind kind, int pick, int variant)
    {
        var name = FixtureNames[fixture];
        var text = Texts.Value[fixture];
        if (kind == Kind.Truncate)
        {
            var length = pick % text.Length;
            return new MutatedDocument(name, Truncated + length, text.Substring(0, length));
        }

        var root = JsonNode.Parse(text)!;
        var nodes = new List<(JsonNode? Node, JsonNode Parent, string? Key, int Index)>();
        Collect(root, nodes);
        var objects = nodes.Where(entry => entry.Node is JsonObject { Count: > 0 }).Select(entry => (JsonObject)entry.Node!).Prepend((JsonObject)root).ToList();
        var references = nodes.Where(entry => entry.Key == "$ref" && entry.Parent is JsonObject).ToList();
        var components = root["components"]?["schemas"] as JsonObject;

        switch (kind)
        {
            case Kind.RemoveMember:
            {
                var owner = objects[pick % objects.Count];
                var key = owner.ElementAt(variant % owner.Count).Key;
                owner.Remove(key);
                return Result(name, $"removed \"{key}\"", root);
            }

            case Kind.Retype:
            {
                var (_, parent, key, index) = nodes[pick % nodes.Count];
                JsonNode? replacement = variant switch
                {
                    0 => "text",
                    1 => 42,
                    2 => new JsonObject { ["unexpected"] = true },
                    3 => new JsonArray(1, "two"),
                    _ => null,
                };
                Replace(parent, key, index, replacement);
                return Result(name, $"retyped {key ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {replacement?.ToJsonString() ?? "null"}", root);
            }

            case Kind.DanglingRef when references.Count > 0:
                return Retarget(name, root, references[pick % references.Count].Parent, DanglingTargets[variant]);

            case Kind.ExternalRef when references.Count > 0:
                return Retarget(name, root, references[pick % references.Count].Parent, ExternalTargets[variant]);

            case Kind.CyclicRef when components is { Count: > 0 }:
            {
                // A component that is only a reference to itself or to one that refers back: no schema at the end of it.
                var first = components.ElementAt(pick % components.Count).Key;
                var second = components.ElementAt((pick / 7 + variant) % components.Count).Key;
                components[first] = new JsonObject { ["$ref"] = "#/components/schemas/" + Escape(second) };
                if (second != first && variant % 2 == 0)
                {
                    components[second] = new JsonObject { ["$ref"] = "#/components/schemas/" + Escape(first) };
                }

                return Result(name, $"cycle {first} -> {second}", root);
            }

            case Kind.DuplicateMember:
            {
                var owner = objects[pick % objects.Count];
                var key = owner.ElementAt(variant % owner.Count).Key;
                return new MutatedDocument(name, $"\"{key}\" written twice", JsonText.Write(root, (owner, key)));
            }

            case Kind.CollidingName:
            case Kind.UnicodeName:
            {
                var owner = objects[pick % objects.Count];
                var key = owner.ElementAt(variant % owner.Count).Key;
                var newKey = kind == Kind.CollidingName ? Collision(key, variant) : Unicode(key, variant);
                if (owner.ContainsKey(newKey))
                {
                    return Result(name, "unchanged", root);
                }

                // The colliding name is added next to the original; the unicode one replaces it.
                var value = owner[key]?.DeepClone();
                if (kind == Kind.UnicodeName)
                {
                    owner.Remove(key);
                }

                owner[newKey] = value;
                return Result(name, $"\"{key}\" -> \"{newKey}\"", root);
            }

            default:
                return Result(name, "unchanged", root);
        }
    }

    private static MutatedDocument InYaml(MutatedDocument mutated)
    {
        if (!mutated.Mutation.StartsWith(Truncated, StringComparison.Ordinal))
        {
            return mutated with { Mutation = "in YAML, " + mutated.Mutation, Text = JsonToYaml.Convert(mutated.Text) };
        }

        var json = Texts.Value[Array.IndexOf(FixtureNames, mutated.Fixture)];
        var yaml = JsonToYaml.Convert(json);
        var length = (int)((long)mutated.Text.Length * yaml.Length / json.Length);
        return new MutatedDocument(mutated.Fixture, "in YAML, " + Truncated + length, yaml.Substring(0, length));
    }

    private static MutatedDocument Retarget(string fixture, JsonNode root, JsonNode reference, string target)
    {
        reference["$ref"] = target;
        return Result(fixture, $"$ref to {target}", root);
    }

    private static MutatedDocument Result(string fixture, string mutation, JsonNode root) => new(fixture, mutation, JsonText.Write(root));

    private static void Collect(JsonNode node, List<(JsonNode? Node, JsonNode Parent, string? Key, int Index)> nodes)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    nodes.Add((value, obj, key, -1));
                    if (value is not null)
                    {
                        Collect(value, nodes);
                    }
                }

                break;
            case JsonArray array:
                for (var index = 0; index < array.Count; index++)
                {
                    nodes.Add((array[index], array, null, index));
                    if (array[index] is { } item)
                    {
                        Collect(item, nodes);
                    }
                }

                break;
        }
    }

    private static void Replace(JsonNode parent, string? key, int index, JsonNode? replacement)
    {
        if (parent is JsonObject obj)
        {
            obj[key!] = replacement;
        }
        else
        {
            ((JsonArray)parent)[index] = replacement;
        }
    }

    private static string Collision(string key, int variant) => variant switch
    {
        0 => key.ToUpperInvariant(),
        1 => key.ToLowerInvariant(),
        2 => key.Length > 1 ? key.Substring(0, 1) + "-" + key.Substring(1) : key + "_",
        3 => "_" + key,
        _ => key + ".",
    };

    private static string Unicode(string key, int variant) => variant switch
    {
        0 => key + "é",
        1 => "名前" + key,
        2 => key + "😀",
        3 => "\u0301" + key,
        _ => key + "\u2028",
    };

    private static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");
}
