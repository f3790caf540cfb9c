namespace ClicRdv.Generated.Support;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

/// <summary>
/// The text of a condition's parts (<c>x-condition</c>), as the API reads them and checked before anything is sent:
/// a field that names something, a value no longer than the schema allows, and a list joined so that the server reads
/// back the same items. Each refusal is an <see cref="ArgumentException"/> naming the factory's parameter.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class ConditionText
{
    /// <summary>The field's name: not blank, and at most <paramref name="maxLength"/> characters.</summary>
    public static string Field(string field, int? maxLength, string parameterName)
    {
        if (field is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (field.Trim().Length == 0)
        {
            throw new ArgumentException("A condition needs the name of the field it compares.", parameterName);
        }

        return WithinLength(field, maxLength, parameterName);
    }

    /// <summary>A value already written as text: at most <paramref name="maxLength"/> characters.</summary>
    public static string Value(string value, int? maxLength, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        return WithinLength(value, maxLength, parameterName);
    }

    /// <summary>A date-time's clock time as written, in the document's format (invariant culture; its kind and offset are not converted).</summary>
    public static string Format(DateTime value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>
    /// The items of a list operator, each written by <paramref name="format"/> and joined with
    /// <paramref name="separator"/>: at least one, none empty or holding the separator (the server would split it
    /// into several), and at most <paramref name="maxLength"/> characters in all.
    /// </summary>
    public static string List<T>(IEnumerable<T> values, Func<T, string> format, string separator, int? maxLength, string parameterName)
    {
        if (values is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        var joined = new StringBuilder();
        var count = 0;
        foreach (var item in values)
        {
            var text = item is null ? null : format(item);
            if (string.IsNullOrEmpty(text))
            {
                throw new ArgumentException($"Item {count} of the list is {(text is null ? "null" : "empty")}: a list operator compares with values.", parameterName);
            }

            if (text!.Contains(separator, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Item {count} of the list, '{text}', holds the list separator '{separator}': the server would read it as several values.", parameterName);
            }

            if (count++ > 0)
            {
                joined.Append(separator);
            }

            joined.Append(text);
        }

        if (count == 0)
        {
            throw new ArgumentException("A list operator needs at least one value: an empty list would compare with one empty value.", parameterName);
        }

        return WithinLength(joined.ToString(), maxLength, parameterName);
    }

    private static string WithinLength(string text, int? maxLength, string parameterName) =>
        text.Length > maxLength
            ? throw new ArgumentException($"The text is {text.Length} characters long; the API takes at most {maxLength}.", parameterName)
            : text;
}
