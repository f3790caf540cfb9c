namespace ClicRdv.Generated.Support;

using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

/// <summary>
/// Reads a class of a hierarchy as the class its discriminator names, wherever the member stands in the object (plain
/// <c>[JsonPolymorphic]</c> wants it first), and writes an object as its runtime class. A value the document does not
/// list, or none, reads as <typeparamref name="TBase"/> itself, whose extension data keeps every member; the value read
/// is kept in the discriminator property, so a read-modify-write sends it back. Through metadata only, so it works under
/// Native AOT.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal sealed class DiscriminatorConverter<TBase> : JsonConverter<TBase>
    where TBase : class
{
    private readonly JsonTypeInfo<TBase> _own;
    private readonly byte[] _wireName;
    private readonly Action<TBase, string> _setDiscriminator;
    private readonly Dictionary<string, Type> _cases;

    /// <param name="own">The base class's metadata as a plain object (what an unknown value reads as).</param>
    /// <param name="wireName">The discriminator's JSON member.</param>
    /// <param name="setDiscriminator">Sets the discriminator property to the value read.</param>
    /// <param name="cases">Each value of a descendant, and the descendant.</param>
    public DiscriminatorConverter(JsonTypeInfo<TBase> own, string wireName, Action<TBase, string> setDiscriminator, (string Value, Type Type)[] cases)
    {
        _own = own;
        _wireName = Encoding.UTF8.GetBytes(wireName);
        _setDiscriminator = setDiscriminator;
        _cases = new Dictionary<string, Type>(cases.Length, StringComparer.Ordinal);
        foreach (var (value, type) in cases)
        {
            _cases[value] = type;
        }
    }

    /// <inheritdoc />
    public override TBase Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A {typeof(TBase).Name} is a JSON object, not {reader.TokenType}.");
        }

        var value = DiscriminatorOf(reader);
        var typeInfo = value is not null && _cases.TryGetValue(value, out var type) ? options.GetTypeInfo(type) : _own;
        var result = (TBase)JsonSerializer.Deserialize(ref reader, typeInfo)!;
        if (value is not null)
        {
            _setDiscriminator(result, value);
        }

        return result;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options)
    {
        var type = value.GetType();
        var typeInfo = type != typeof(TBase) && options.TryGetTypeInfo(type, out var derived) ? derived : _own;
        JsonSerializer.Serialize(writer, value, typeInfo);
    }

    /// <summary>The discriminator's string among the object's members (the reader is a copy: the caller's does not move).</summary>
    private string? DiscriminatorOf(Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isDiscriminator = reader.ValueTextEquals(_wireName);
            reader.Read();
            if (isDiscriminator)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }
}
