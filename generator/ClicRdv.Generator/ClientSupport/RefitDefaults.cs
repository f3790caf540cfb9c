namespace ClicRdv.Generated.Support;

using System;
using System.Text.Json;
using Refit;

/// <summary>
/// Recognizes options equal to Refit's defaults (a fresh <c>new RefitSettings()</c> makes new ones each time, and
/// <c>RestService.For</c> makes new settings for each client), so that they share one set of metadata.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class RefitDefaults
{
    private static readonly JsonSerializerOptions s_reference = SystemTextJsonContentSerializer.GetDefaultJsonSerializerOptions();

    /// <summary>
    /// Whether <paramref name="options"/> has every setting of Refit's defaults. Converters count by type: Refit's own
    /// are stateless, and the document's metadata does not consult converters for its enums or date formats anyway.
    /// </summary>
    public static bool AreMatchedBy(JsonSerializerOptions options)
    {
        var reference = s_reference;
        if (options.TypeInfoResolver is not null
            || options.Encoder is not null
            || options.ReferenceHandler is not null
            || options.DictionaryKeyPolicy is not null
            || options.PropertyNamingPolicy?.GetType() != reference.PropertyNamingPolicy?.GetType()
            || options.DefaultIgnoreCondition != reference.DefaultIgnoreCondition
            || options.NumberHandling != reference.NumberHandling
            || options.PropertyNameCaseInsensitive != reference.PropertyNameCaseInsensitive
            || options.UnmappedMemberHandling != reference.UnmappedMemberHandling
            || options.UnknownTypeHandling != reference.UnknownTypeHandling
            || options.PreferredObjectCreationHandling != reference.PreferredObjectCreationHandling
            || options.ReadCommentHandling != reference.ReadCommentHandling
            || options.AllowTrailingCommas != reference.AllowTrailingCommas
            || options.IgnoreReadOnlyProperties != reference.IgnoreReadOnlyProperties
            || options.IgnoreReadOnlyFields != reference.IgnoreReadOnlyFields
            || options.IncludeFields != reference.IncludeFields
            || options.WriteIndented != reference.WriteIndented
            || options.MaxDepth != reference.MaxDepth
            || options.DefaultBufferSize != reference.DefaultBufferSize
#if NET9_0_OR_GREATER
            || options.RespectNullableAnnotations != reference.RespectNullableAnnotations
            || options.RespectRequiredConstructorParameters != reference.RespectRequiredConstructorParameters
            || options.AllowOutOfOrderMetadataProperties != reference.AllowOutOfOrderMetadataProperties
            || options.IndentCharacter != reference.IndentCharacter
            || options.IndentSize != reference.IndentSize
            || !string.Equals(options.NewLine, reference.NewLine, StringComparison.Ordinal)
#endif
#if NET10_0_OR_GREATER
            || options.AllowDuplicateProperties != reference.AllowDuplicateProperties
#endif
#pragma warning disable SYSLIB0020 // Obsolete, but still a setting a caller may have set.
            || options.IgnoreNullValues != reference.IgnoreNullValues
#pragma warning restore SYSLIB0020
            || options.Converters.Count != reference.Converters.Count)
        {
            return false;
        }

        for (var index = 0; index < options.Converters.Count; index++)
        {
            if (options.Converters[index].GetType() != reference.Converters[index].GetType())
            {
                return false;
            }
        }

        return true;
    }
}
