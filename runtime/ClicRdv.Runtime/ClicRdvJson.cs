using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace ClicRdv.Runtime;

/// <summary>The serializer settings of ClicRDV clients.</summary>
public static class ClicRdvJson
{
    /// <summary>
    /// System.Text.Json options for the generated contracts. Null members are not written, so that a PUT changes only
    /// the fields you set (ClicRDV updates the fields it receives). Numbers sent as strings are accepted. Date-times
    /// use the converter the generator emits for the document's <c>x-date-time-format</c>
    /// (<c>yyyy-MM-dd HH:mm:ss</c>), which also reads ISO 8601.
    /// </summary>
    public static JsonSerializerOptions CreateSerializerOptions() => new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>Refit settings with <see cref="CreateSerializerOptions"/>.</summary>
    public static RefitSettings CreateRefitSettings() => new(new SystemTextJsonContentSerializer(CreateSerializerOptions()));
}
