using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Reads the members of an object-valued vendor extension (<c>x-paging</c>, <c>x-condition</c>), whichever form
/// NSwag's reader gave it: a dictionary or a JSON.NET object, with JSON.NET values or plain ones.
/// </summary>
internal static class ExtensionMembers
{
    /// <summary>The extension's members; null when it is not an object.</summary>
    public static IDictionary<string, object?>? Of(object? value) => value switch
    {
        IDictionary<string, object?> members => members,
        JObject members => members.Properties().ToDictionary<JProperty, string, object?>(property => property.Name, property => property.Value, StringComparer.Ordinal),
        _ => null,
    };

    /// <summary>A member's text, trimmed; null when it is absent, not a string, or blank.</summary>
    public static string? Text(IDictionary<string, object?> members, string name) =>
        members.TryGetValue(name, out var value) && Unwrapped(value) is string text && text.Trim().Length > 0 ? text.Trim() : null;

    /// <summary>A plain value for a JSON.NET one.</summary>
    public static object? Unwrapped(object? value) => value is JValue json ? json.Value : value;
}
