namespace ClicRdv.Generated.Support;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>One variant of a union: the JSON it is read from, its type, and how the union holds it.</summary>
/// <param name="Name">The variant's name in the union (its property), for errors.</param>
/// <param name="Kind">The JSON kind of its values (<see cref="JsonValueKind.True"/> stands for both booleans).</param>
/// <param name="RequiredMembers">For an object among several: the members that tell it apart, all present.</param>
/// <param name="Type">The variant's type, whose metadata reads and writes it.</param>
/// <param name="Create">The union holding a value of the variant.</param>
/// <param name="Get">The variant's value when the union holds this variant, else null.</param>
[global::Microsoft.CodeAnalysis.Embedded]
internal sealed record UnionCase<TUnion>(string Name, JsonValueKind Kind, string[] RequiredMembers, Type Type, Func<object, TUnion> Create, Func<TUnion, object?> Get);

/// <summary>
/// Reads a union (a <c>oneOf</c> without a discriminator) as the variant its JSON kind names, and among several object
/// variants as the first whose required members the object all has; writes the variant it holds. Through metadata
/// only, so it works under Native AOT.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal sealed class UnionConverter<TUnion> : JsonConverter<TUnion>
    where TUnion : class
{
    private readonly UnionCase<TUnion>[] _cases;

    public UnionConverter(UnionCase<TUnion>[] cases) => _cases = cases;

    /// <inheritdoc />
    public override TUnion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var kind = reader.TokenType switch
        {
            JsonTokenType.String => JsonValueKind.String,
            JsonTokenType.Number => JsonValueKind.Number,
            JsonTokenType.True or JsonTokenType.False => JsonValueKind.True,
            JsonTokenType.StartArray => JsonValueKind.Array,
            JsonTokenType.StartObject => JsonValueKind.Object,
            _ => JsonValueKind.Undefined,
        };
        // The first variant of that kind whose required members the object all has (only several objects require any).
        HashSet<string>? members = null;
        foreach (var @case in _cases)
        {
            if (@case.Kind == kind && (@case.RequiredMembers.Length == 0 || @case.RequiredMembers.All((members ??= MembersOf(reader)).Contains)))
            {
                return @case.Create(JsonSerializer.Deserialize(ref reader, options.GetTypeInfo(@case.Type))!);
            }
        }

        throw new JsonException($"A {reader.TokenType} is none of the variants of {typeof(TUnion).Name}: {string.Join(", ", _cases.Select(Describe))}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TUnion value, JsonSerializerOptions options)
    {
        foreach (var @case in _cases)
        {
            if (@case.Get(value) is { } variant)
            {
                JsonSerializer.Serialize(writer, variant, options.GetTypeInfo(@case.Type));
                return;
            }
        }

        throw new JsonException($"The {typeof(TUnion).Name} holds none of its variants.");
    }

    /// <summary>The names of the object's members (the reader is a copy: the caller's does not move).</summary>
    private static HashSet<string> MembersOf(Utf8JsonReader reader)
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            members.Add(reader.GetString()!);
            reader.Read();
            reader.Skip();
        }

        return members;
    }

    private static string Describe(UnionCase<TUnion> @case) =>
        @case.Name + (@case.RequiredMembers.Length > 0 ? " (an object with " + string.Join(", ", @case.RequiredMembers.Select(member => "'" + member + "'")) + ")" : string.Empty);
}
