namespace ClicRdv.Generated.Support;

using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

/// <summary>
/// Builds the <see cref="JsonTypeInfo"/> of a document's types for its generated context, through the public
/// metadata API the System.Text.Json source generator uses (<see cref="JsonMetadataServices"/>), so that nothing is
/// found by reflection. Two kinds of type: those the document owns (its enums, and date-times in a wire format it
/// fixes), whose converters never come from the options; and the others (objects, collections, primitives), for which
/// a converter the caller put in the options wins, as with the source generator.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class JsonMetadata
{
    /// <summary>A type whose wire format the document fixes: its converter, whatever the options hold.</summary>
    public static JsonTypeInfo<T> Owned<T>(JsonSerializerOptions options, JsonConverter<T> converter) =>
        JsonMetadataServices.CreateValueInfo<T>(options, converter);

    /// <summary>A value type read and written by <paramref name="converter"/> unless the options hold one for it.</summary>
    public static JsonTypeInfo<T> Value<T>(JsonSerializerOptions options, JsonConverter<T> converter) =>
        FromOptions<T>(options) ?? JsonMetadataServices.CreateValueInfo<T>(options, converter);

    /// <summary>A nullable value type, through the metadata of its underlying type.</summary>
    public static JsonTypeInfo<T?> Nullable<T>(JsonSerializerOptions options)
        where T : struct =>
        FromOptions<T?>(options) ?? JsonMetadataServices.CreateValueInfo<T?>(options, JsonMetadataServices.GetNullableConverter<T>(options));

    /// <summary>A nullable value type whose wire format the document fixes: its underlying type's metadata, whatever the options hold.</summary>
    public static JsonTypeInfo<T?> NullableOwned<T>(JsonSerializerOptions options)
        where T : struct =>
        JsonMetadataServices.CreateValueInfo<T?>(options, JsonMetadataServices.GetNullableConverter<T>(options));

    /// <summary>An array, read as a list.</summary>
    public static JsonTypeInfo<List<T>> List<T>(JsonSerializerOptions options) =>
        FromOptions<List<T>>(options) ?? JsonMetadataServices.CreateListInfo<List<T>, T>(options, new JsonCollectionInfoValues<List<T>> { ObjectCreator = static () => new List<T>() });

    /// <summary>An array a client writes from any sequence (a request body); it is never read.</summary>
    public static JsonTypeInfo<IEnumerable<T>> Sequence<T>(JsonSerializerOptions options) =>
        FromOptions<IEnumerable<T>>(options) ?? JsonMetadataServices.CreateIEnumerableInfo<IEnumerable<T>, T>(options, new JsonCollectionInfoValues<IEnumerable<T>>());

    /// <summary>An object with arbitrary member names (<c>additionalProperties</c>).</summary>
    public static JsonTypeInfo<Dictionary<string, T>> Dictionary<T>(JsonSerializerOptions options) =>
        FromOptions<Dictionary<string, T>>(options)
        ?? JsonMetadataServices.CreateDictionaryInfo<Dictionary<string, T>, string, T>(options, new JsonCollectionInfoValues<Dictionary<string, T>> { ObjectCreator = static () => new Dictionary<string, T>() });

    /// <summary>A generated class, created with its parameterless constructor and filled property by property.</summary>
    public static JsonTypeInfo<T> Object<T>(JsonSerializerOptions options, Func<T> create, Func<JsonSerializerOptions, JsonPropertyInfo[]> properties)
        where T : class =>
        FromOptions<T>(options) ?? JsonMetadataServices.CreateObjectInfo<T>(options, new JsonObjectInfoValues<T>
        {
            ObjectCreator = create,
            PropertyMetadataInitializer = _ => properties(options),
        });

    /// <summary>
    /// A class with descendants, read as the class its discriminator names and written as its runtime class (see
    /// <see cref="DiscriminatorConverter{TBase}"/>), unless the options hold a converter for it.
    /// </summary>
    public static JsonTypeInfo<T> Discriminated<T>(JsonSerializerOptions options, JsonTypeInfo<T> own, string wireName, Action<T, string> setDiscriminator, (string Value, Type Type)[] cases)
        where T : class =>
        FromOptions<T>(options) ?? JsonMetadataServices.CreateValueInfo<T>(options, new DiscriminatorConverter<T>(own, wireName, setDiscriminator, cases));

    /// <summary>A union read as the variant its JSON tells (see <see cref="UnionConverter{TUnion}"/>), unless the options hold a converter for it.</summary>
    public static JsonTypeInfo<T> Union<T>(JsonSerializerOptions options, UnionCase<T>[] cases)
        where T : class =>
        FromOptions<T>(options) ?? JsonMetadataServices.CreateValueInfo<T>(options, new UnionConverter<T>(cases));

    /// <summary>
    /// A property of <typeparamref name="TDeclaring"/> named <paramref name="wireName"/> in JSON. A
    /// <paramref name="converter"/> binds the member's format (an enum's values, a date-time's pattern) to the member
    /// itself, which wins over any converter in the options; <paramref name="ignore"/> leaves a null out of what is
    /// written when the document does not allow null there; <paramref name="required"/> makes an answer without the
    /// member fail, naming the type and the member, as <c>[JsonRequired]</c> does; <paramref name="readOnly"/> (the
    /// document's <c>readOnly</c>: the server sends it) never writes the member, whatever its value and
    /// <paramref name="ignore"/>, and still reads it, as <c>JsonIgnoreCondition.WhenWriting</c> does from .NET 10. Without <paramref name="set"/> the
    /// member is written and never read (a discriminator, which each class sets). A null member is written as null
    /// when the contract asks for it (<see cref="ExplicitNulls"/>) and the document allows it.
    /// </summary>
    public static JsonPropertyInfo Property<TDeclaring, TValue>(
        JsonSerializerOptions options,
        string name,
        string wireName,
        Func<object, TValue?> get,
        Action<object, TValue?>? set,
        JsonConverter<TValue>? converter = null,
        JsonIgnoreCondition? ignore = null,
        bool required = false,
        bool readOnly = false)
    {
        var property = JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<TValue>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = typeof(TDeclaring),
            Converter = converter,
            Getter = get,
            Setter = set,
            IgnoreCondition = ignore,
            PropertyName = name,
            JsonPropertyName = wireName,
        });
        property.IsRequired = required;
        if (readOnly)
        {
            property.ShouldSerialize = static (_, _) => false;
        }
        else if (default(TValue) is null)
        {
            property.ShouldSerialize = ignore == JsonIgnoreCondition.WhenWritingNull
                ? ForbiddingNull(typeof(TDeclaring).Name, name)
                : AllowingNull(options.DefaultIgnoreCondition == JsonIgnoreCondition.Never, name);
        }

        return property;
    }

    /// <summary>
    /// When a member the document allows to be null is written: with a value, always; null, as the options say
    /// (<c>DefaultIgnoreCondition</c>), or when the contract marks it with <see cref="ExplicitNulls.WriteAsNull"/>.
    /// </summary>
    private static Func<object, object?, bool> AllowingNull(bool nullsWritten, string name) =>
        (contract, value) => value is not null || nullsWritten || global::ClicRdv.Generated.ExplicitNulls.IsWrittenAsNull(contract, name);

    /// <summary>A member the document does not allow to be null: left out while null, and never sent as null even when asked to.</summary>
    private static Func<object, object?, bool> ForbiddingNull(string type, string name) =>
        (contract, value) => value is not null || (global::ClicRdv.Generated.ExplicitNulls.IsWrittenAsNull(contract, name)
            ? throw new InvalidOperationException($"{type}.{name} cannot be written as null: the document does not allow null there, so it is left out while it is null.")
            : false);

    /// <summary>The dictionary that keeps the members the document does not describe, written back as they came.</summary>
    public static JsonPropertyInfo ExtensionData<TDeclaring>(
        JsonSerializerOptions options,
        Func<object, Dictionary<string, JsonElement>?> get,
        Action<object, Dictionary<string, JsonElement>?> set,
        string jsonName = "AdditionalProperties") =>
        JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<Dictionary<string, JsonElement>>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = typeof(TDeclaring),
            Getter = get,
            Setter = set,
            IsExtensionData = true,
            PropertyName = "AdditionalProperties",

            // Never on the wire, but checked against the members' names (and given to a naming policy if left out).
            JsonPropertyName = jsonName,
        });

    /// <summary>A member converter for a nullable value type, from the converter of the underlying type.</summary>
    public static JsonConverter<T?> NullableOf<T>(JsonConverter<T> converter, JsonSerializerOptions options)
        where T : struct =>
        JsonMetadataServices.GetNullableConverter(JsonMetadataServices.CreateValueInfo<T>(options, converter));

    /// <summary>Metadata from a converter the caller put in the options for <typeparamref name="T"/>, as the source generator honours.</summary>
    private static JsonTypeInfo<T>? FromOptions<T>(JsonSerializerOptions options) =>
        TryFindConverter(typeof(T), options, out var converter) ? JsonMetadataServices.CreateValueInfo<T>(options, converter) : null;

    private static bool TryFindConverter(Type type, JsonSerializerOptions options, [NotNullWhen(true)] out JsonConverter? converter)
    {
        foreach (var candidate in options.Converters)
        {
            if (candidate is not null && candidate.CanConvert(type))
            {
                converter = candidate is JsonConverterFactory factory ? factory.CreateConverter(type, options) : candidate;
                if (converter is null or JsonConverterFactory)
                {
                    throw new InvalidOperationException($"The converter '{candidate.GetType()}' cannot return null or a JsonConverterFactory instance.");
                }

                return true;
            }
        }

        converter = null;
        return false;
    }
}
