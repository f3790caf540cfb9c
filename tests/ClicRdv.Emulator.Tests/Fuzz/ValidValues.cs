using System;
using System.Linq;
using System.Text.Json.Nodes;
using CsCheck;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>
/// Values a schema allows: enum members, integers within the bounds (for id-like names, nine times in ten an id the emulator has),
/// texts that match the pattern and fit <c>maxLength</c>, dates in the weeks after the emulator's clock, arrays of such
/// items, and objects with every required member and some of the others.
/// </summary>
internal sealed class ValidValues(KnownIds ids)
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzéèàçôABCDEFGHIJ -'";

    /// <summary>The first day of the dates written: the emulator's test clock starts on Monday 2 March 2026.</summary>
    private static readonly DateTime FirstDay = new(2026, 3, 2);

    /// <param name="knownIds">For an id-like integer, only ids the emulator has (when it has some): a request that is
    /// broken one way should not also name a record that does not exist.</param>
    public Gen<JsonNode?> For(SchemaFacts schema, string name, string? parent = null, bool knownIds = false)
    {
        if (schema.Enum.Count > 0)
        {
            return Gen.OneOf(schema.Enum.ToArray()).Select(value => value?.DeepClone());
        }

        if (schema.IsDate)
        {
            return Date(schema.DateFormat!).Select(text => (JsonNode?)JsonValue.Create(text));
        }

        return schema.Type switch
        {
            "integer" => Integer(schema, name, parent, knownIds).Select(value => (JsonNode?)JsonValue.Create(value)),
            "number" => Integer(schema, name, parent, knownIds).Select(value => (JsonNode?)JsonValue.Create(value / 4m)),
            "boolean" => Gen.Bool.Select(value => (JsonNode?)JsonValue.Create(value)),
            "array" => Array(schema, name, parent),
            "object" => Object(schema, name),
            _ => Text(schema).Select(text => (JsonNode?)JsonValue.Create(text)),
        };
    }

    /// <summary>A date and time on a quarter hour in the eight weeks from the clock's day, in <paramref name="format"/>.</summary>
    public static Gen<string> Date(string format) =>
        from day in Gen.Int[0, 55]
        from quarter in Gen.Int[0, 95]
        let value = FirstDay.AddDays(day).AddMinutes(15 * quarter)
        select DateText.Write(format, value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second);

    private Gen<long> Integer(SchemaFacts schema, string name, string? parent, bool knownIds)
    {
        var low = (long)(schema.Minimum ?? 0);
        var high = (long)(schema.Maximum ?? low + 100);
        var range = Gen.Long[low, high];
        var known = ids.For(name, parent).Where(id => id >= low && id <= high).ToArray();
        return known.Length == 0 ? range : knownIds ? Gen.OneOf(known) : Gen.Frequency((9, Gen.OneOf(known)), (1, range));
    }

    private static Gen<string> Text(SchemaFacts schema) => schema.Pattern is { } pattern
        ? PatternText.Matching(pattern)
        : Gen.OneOf(Letters.ToCharArray()).Array[1, Math.Min(schema.LengthBound, 12)].Select(characters => new string(characters).Trim() is { Length: > 0 } text ? text : "x");

    private Gen<JsonNode?> Array(SchemaFacts schema, string name, string? parent) =>
        For(schema.Items ?? throw new InvalidOperationException($"The array '{name}' has no items schema."), name, parent)
            .Array[Math.Max(schema.MinItems ?? 1, 1), Math.Min(schema.MaxItems ?? 3, 3)]
            .Select(items => (JsonNode?)new JsonArray(items.ToArray()));

    private Gen<JsonNode?> Object(SchemaFacts schema, string name) =>
        Gen.Bool.Array[schema.Properties.Count].SelectMany(included =>
        {
            var members = schema.Properties.Where((property, index) => schema.Required.Contains(property.Name) || included[index]).ToList();
            return members.Aggregate(
                Gen.Const(new JsonObject()),
                (gen, member) => gen.SelectMany(json => For(member.Schema, member.Name, name).Select(value =>
                {
                    var copy = (JsonObject)json.DeepClone();
                    copy[member.Name] = value;
                    return copy;
                })));
        }).Select(json => (JsonNode?)json);
}
