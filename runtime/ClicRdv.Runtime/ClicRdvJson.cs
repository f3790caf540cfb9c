using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace ClicRdv.Runtime;

/// <summary>The serializer settings of ClicRDV clients.</summary>
public static class ClicRdvJson
{
    /// <summary>
    /// System.Text.Json options for the generated contracts, over the document's generated metadata (pass its
    /// <c>ApiJsonContext.Default</c>), so that nothing is serialized by reflection. Null members are not written, so
    /// that a PUT changes only the fields you set (ClicRDV updates the fields it receives). Numbers sent as strings are
    /// accepted. Member names, enum values and date-times (<c>yyyy-MM-dd HH:mm:ss</c>) are the document's.
    /// </summary>
    /// <param name="metadata">The document's generated metadata, such as <c>ApiJsonContext.Default</c>.</param>
    public static JsonSerializerOptions CreateSerializerOptions(IJsonTypeInfoResolver metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            TypeInfoResolver = metadata,
        };
    }

    /// <summary>
    /// Refit settings with <see cref="CreateSerializerOptions"/>: the generated clients read and write through the
    /// metadata, and so does <see cref="ApiException.GetContentAsAsync{T}"/> for the document's types.
    /// </summary>
    /// <param name="metadata">The document's generated metadata, such as <c>ApiJsonContext.Default</c>.</param>
    public static RefitSettings CreateRefitSettings(IJsonTypeInfoResolver metadata) =>
        new(new SystemTextJsonContentSerializer(CreateSerializerOptions(metadata)));
}
