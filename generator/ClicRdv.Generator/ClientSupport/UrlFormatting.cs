namespace ClicRdv.Generated.Support;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Refit;

/// <summary>
/// A caller's own <see cref="RefitSettings.UrlParameterFormatter"/> (or <see cref="RefitSettings.UrlParameterFormatterMap"/>),
/// which writes path and query values instead of the document's formats. Clients keep none when the settings carry
/// Refit's default formatter and an empty map, and then write the document's text directly.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal sealed class UrlFormatting
{
    private readonly IUrlParameterFormatter _formatter;
    private readonly KeyValuePair<Type, IUrlParameterFormatter>[] _byType;

    private UrlFormatting(IUrlParameterFormatter formatter, KeyValuePair<Type, IUrlParameterFormatter>[] byType)
    {
        _formatter = formatter;
        _byType = byType;
    }

    /// <summary>The caller's formatting, or null when the settings keep Refit's default (the document's formats apply).</summary>
    public static UrlFormatting? For(RefitSettings settings)
    {
        var formatter = settings.UrlParameterFormatter;
        var map = settings.UrlParameterFormatterMap;
        if ((formatter is null || formatter.GetType() == typeof(DefaultUrlParameterFormatter)) && map.Count == 0)
        {
            return null;
        }

        return new UrlFormatting(formatter ?? new DefaultUrlParameterFormatter(), map.ToArray());
    }

    /// <summary>
    /// The text of a path or query value: <paramref name="documentText"/> (the document's format) unless the caller
    /// gave a formatter, which then gets the value itself. The value is boxed only on that path.
    /// </summary>
    public static string? Text<T>(UrlFormatting? formatting, T value, string? documentText) =>
        formatting is null ? documentText : formatting.Format(value, typeof(T));

    private string? Format(object? value, Type type)
    {
        var formatter = _formatter;
        foreach (var entry in _byType)
        {
            if (entry.Key == type)
            {
                formatter = entry.Value;
                break;
            }
        }

        // Refit passes the method parameter's attributes; a generated client's parameters carry none.
        return formatter.Format(value, NoAttributes.Instance, type);
    }

    private sealed class NoAttributes : ICustomAttributeProvider
    {
        public static readonly NoAttributes Instance = new();

        public object[] GetCustomAttributes(bool inherit) => Array.Empty<Attribute>();

        public object[] GetCustomAttributes(Type attributeType, bool inherit) => Array.Empty<Attribute>();

        public bool IsDefined(Type attributeType, bool inherit) => false;
    }
}
