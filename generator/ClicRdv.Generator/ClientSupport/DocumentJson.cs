namespace ClicRdv.Generated.Support;

using System;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

/// <summary>
/// The document's JSON metadata under the options a client's <see cref="RefitSettings"/> carry. The options decide
/// what is the caller's to decide (null members written or not, numbers read from strings, depth, indentation...);
/// the metadata decides the wire format of every type of the document (names, enum values, date formats), whatever
/// converters or naming policies the options carry. The result is cached per options instance, and shared by every
/// instance of Refit's default options, so that creating a client costs a lookup.
/// </summary>
/// <typeparam name="TContext">The document's generated <see cref="JsonSerializerContext"/>.</typeparam>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class DocumentJson<TContext>
    where TContext : JsonSerializerContext
{
    // Typed by the base class: the table's value type must keep a public parameterless constructor, which a
    // generic parameter cannot promise the trimmer.
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerContext> s_byOptions = new();
    private static TContext? s_forRefitDefaults;

    /// <summary>
    /// The metadata to read and write JSON with, or null when the settings carry a content serializer of the caller's
    /// own, which then does the reading and writing.
    /// </summary>
    /// <param name="settings">The client's settings.</param>
    /// <param name="defaultContext">The document's context with its default options.</param>
    /// <param name="create">Creates the document's context over options of its own.</param>
    public static TContext? For(RefitSettings settings, TContext defaultContext, Func<JsonSerializerOptions, TContext> create)
    {
        if (settings.ContentSerializer is not SystemTextJsonContentSerializer serializer)
        {
            return null;
        }

        var options = serializer.SerializerOptions;
        if (ReferenceEquals(options, defaultContext.Options))
        {
            return defaultContext;
        }

        if (s_byOptions.TryGetValue(options, out var known))
        {
            return (TContext)known;
        }

        if (RefitDefaults.AreMatchedBy(options))
        {
            return s_forRefitDefaults ??= create(Derive(options));
        }

        var context = create(Derive(options));
        s_byOptions.AddOrUpdate(options, context);
        return context;
    }

    /// <summary>
    /// A copy of the caller's options for the document's context to own: the context replaces any resolver, and
    /// dictionary keys are data, never renamed by a key policy.
    /// </summary>
    private static JsonSerializerOptions Derive(JsonSerializerOptions options) => new(options)
    {
        TypeInfoResolver = null,
        DictionaryKeyPolicy = null,
    };
}
