namespace ClicRdv.Generated.Support;

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;

/// <summary>Builds the request URIs of the generated clients: the path under the base address, then the query.</summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class RequestUri
{
    public static Uri Build(HttpClient client, string path, StringBuilder? query)
    {
        var baseAddress = client.BaseAddress
            ?? throw new InvalidOperationException("The HttpClient has no BaseAddress. Set it to the API's root address (the document's server URL) before calling a generated client.");

        // As in Refit, the path is appended to the base address's path rather than replacing it.
        var relative = baseAddress.AbsolutePath.TrimEnd('/') + path + (query is null ? string.Empty : query.ToString());
        return new Uri(baseAddress, relative);
    }

    /// <summary>
    /// Escapes a path parameter so that it stays one segment: '/' is escaped, and "." or "..", which URL
    /// normalization would turn into a move up the path to another resource, are refused.
    /// </summary>
    public static string EscapePathSegment(string? value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value), "A path parameter cannot be null.");
        }

        if (value is "." or "..")
        {
            throw new ArgumentException($"A path parameter cannot be \"{value}\": it would address another resource.", nameof(value));
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>Appends <c>key=value</c> to a query; the key comes already escaped from the generator. Null values are left out.</summary>
    public static void AddQuery(ref StringBuilder? query, string escapedKey, string? value)
    {
        if (value is null)
        {
            return;
        }

        query ??= new StringBuilder();
        query.Append(query.Length == 0 ? '?' : '&').Append(escapedKey).Append('=').Append(Uri.EscapeDataString(value));
    }

    /// <summary>
    /// Joins the text of each value with <paramref name="separator"/>: the document's text, or the caller's URL
    /// formatting when there is one. A null text adds nothing but the separator.
    /// </summary>
    public static string Join<T>(string separator, IEnumerable<T> values, UrlFormatting? formatting, Func<T, string?> documentText)
    {
        var builder = new StringBuilder();
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                builder.Append(separator);
            }

            first = false;
            builder.Append(UrlFormatting.Text(formatting, value, documentText(value)));
        }

        return builder.ToString();
    }
}
