using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// What an <c>x-condition</c> extension names, by wire name: the schema's members of the field, the operator and the
/// value; the operators (their wire values) that take a list; what joins a list's items; and, if given, the format
/// of date-time values.
/// </summary>
internal sealed record ConditionRule(string Field, string Operator, string Value, IReadOnlyList<string> ListOperators, string ListSeparator, string? DateTimeFormat);

/// <summary>
/// The <c>x-condition</c> extension, on a component object schema that is a list's filter:
/// <c>{"field": "field", "operator": "op", "value": "value", "listOperators": ["in", "not in"], "listSeparator": ","}</c>
/// (<c>listOperators</c>, <c>listSeparator</c>, "," unless given, and <c>dateTimeFormat</c> are optional).
/// A malformed extension is reported (CRDV108) and gives no factories.
/// </summary>
internal static class ConditionExtension
{
    public const string Name = "x-condition";

    public const string DefaultListSeparator = ",";

    private static readonly string[] Members = { "field", "operator", "value", "listOperators", "listSeparator", "dateTimeFormat" };

    /// <summary>The rule the extension writes, or null when it is absent or malformed (reported at <paramref name="pointer"/>, the extension's).</summary>
    public static ConditionRule? Read(IDictionary<string, object?>? extensions, string pointer, string construct, DiagnosticSink diagnostics)
    {
        if (extensions is null || !extensions.TryGetValue(Name, out var value))
        {
            return null;
        }

        if (ExtensionMembers.Of(value) is not { } members)
        {
            diagnostics.ConditionNotApplied(construct, pointer, $"{Name} takes an object naming the field, operator and value members");
            return null;
        }

        var unknown = members.Keys.FirstOrDefault(key => Array.IndexOf(Members, key) < 0);
        if (unknown is not null)
        {
            diagnostics.ConditionNotApplied(construct, pointer, $"{Name} has no member '{unknown}'; it takes {string.Join(", ", Members)}");
            return null;
        }

        var field = ExtensionMembers.Text(members, "field");
        var op = ExtensionMembers.Text(members, "operator");
        var valueMember = ExtensionMembers.Text(members, "value");
        if (field is null || op is null || valueMember is null)
        {
            diagnostics.ConditionNotApplied(construct, pointer, $"{Name} must name, as strings, the field, operator and value members");
            return null;
        }

        var listOperators = members.TryGetValue("listOperators", out var list) ? Texts(list) : Array.Empty<string>();
        if (listOperators is null)
        {
            diagnostics.ConditionNotApplied(construct, pointer, $"{Name}'s listOperators is an array of the operators' wire values");
            return null;
        }

        // A separator is taken as written: a space may be one.
        var separator = members.TryGetValue("listSeparator", out var given) ? ExtensionMembers.Unwrapped(given) as string : DefaultListSeparator;
        if (string.IsNullOrEmpty(separator))
        {
            diagnostics.ConditionNotApplied(construct, pointer, $"{Name}'s listSeparator is a string of at least one character");
            return null;
        }

        var dateTimeFormat = ExtensionMembers.Text(members, "dateTimeFormat");
        if (members.ContainsKey("dateTimeFormat") && (dateTimeFormat is null || !IsDateTimeFormat(dateTimeFormat)))
        {
            diagnostics.ConditionNotApplied(construct, pointer, $"{Name}'s dateTimeFormat is a .NET custom date and time format string, such as \"yyyy-MM-dd HH:mm:ss\"");
            return null;
        }

        return new ConditionRule(field, op, valueMember, listOperators, separator!, dateTimeFormat);
    }

    /// <summary>The strings of a JSON array, or null when it is not an array of strings.</summary>
    private static IReadOnlyList<string>? Texts(object? value)
    {
        var items = value switch
        {
            JArray array => array.Select(item => (object?)item).ToList(),
            IEnumerable<object?> sequence when value is not string and not IDictionary<string, object?> => sequence.ToList(),
            _ => null,
        };
        var texts = items?.Select(item => ExtensionMembers.Unwrapped(item) as string).ToList();
        return texts is null || texts.Any(string.IsNullOrEmpty) ? null : texts.Select(text => text!).ToList();
    }

    /// <summary>Whether .NET formats a date with the text (a format it refuses throws, and the generated code would too).</summary>
    private static bool IsDateTimeFormat(string format)
    {
        try
        {
            new DateTime(2001, 2, 3, 4, 5, 6).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
