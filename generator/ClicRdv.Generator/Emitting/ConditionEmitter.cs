using System.Globalization;
using System.Linq;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes the typed factories of each condition contract (<c>x-condition</c>) into its partial class: per operator,
/// one overload per kind of value (text, integer, number, boolean, date-time, date), or for a list operator a
/// <c>params</c> array or a sequence of texts or integers. Formatting and checks are ClientSupport's
/// <c>ConditionText</c>; what is written here is only which operator, which limits and which format.
/// </summary>
internal static class ConditionEmitter
{
    private const string ConditionText = ClientSupportSources.Namespace + "ConditionText";

    /// <summary>The helper that checks the field and builds the condition; no name from a document starts with two underscores.</summary>
    private const string Create = "__Create";

    /// <summary>The scalar values a comparison takes, and how each becomes text (<c>{0}</c> is the value, <c>{1}</c> the date-time format).</summary>
    private static readonly (string Type, string Text)[] ScalarValues =
    {
        ("string", "{0}"),
        ("long", ClientSupportSources.WireText + ".Format({0})"),
        ("double", ClientSupportSources.WireText + ".Format({0})"),
        ("decimal", ClientSupportSources.WireText + ".Format({0})"),
        ("bool", ClientSupportSources.WireText + ".Format({0})"),
        ("global::System.DateTime", ConditionText + ".Format({0}, {1})"),
        ("global::System.DateOnly", ClientSupportSources.WireText + ".Format({0})"),
    };

    /// <summary>The items a list operator takes, and how each becomes text (<c>{0}</c> is the item).</summary>
    private static readonly (string Type, string Text)[] ListItems =
    {
        ("string", "{0}"),
        ("long", ClientSupportSources.WireText + ".Format({0})"),
    };

    public static Microsoft.CodeAnalysis.Text.SourceText Emit(DocumentModel document)
    {
        var writer = FileHeader.Start(document);
        writer.Separated(document.Conditions, condition => WriteFactories(writer, condition, document.Options));
        return writer.ToSourceText();
    }

    private static void WriteFactories(SourceWriter writer, ConditionModel condition, GeneratorOptions options)
    {
        writer.Line($"{options.Accessibility} partial class {condition.ContractName}");
        using (writer.OpenBlock())
        {
            foreach (var factory in condition.Factories)
            {
                WriteDocumentation(writer, condition, factory);
                var overloads = factory.IsList ? ListOverloads(condition, factory) : ScalarOverloads(condition, factory);
                // The first overload carries the documentation; the others inherit it.
                var documented = $"{factory.MethodName}(string, {overloads[0].Type.Replace('<', '{').Replace('>', '}')})";
                for (var index = 0; index < overloads.Length; index++)
                {
                    if (index > 0)
                    {
                        writer.Line($"/// <inheritdoc cref=\"{documented}\"/>");
                    }

                    writer.Line($"public static {condition.ContractName} {factory.MethodName}(string field, {overloads[index].Type} {ValueParameter(factory)}) => {overloads[index].Body};");
                    writer.Line();
                }
            }

            writer.Line($"private static {condition.ContractName} {Create}(string field, {condition.OperatorType} op, string value) => new()");
            writer.Line("{");
            writer.Line($"    {condition.FieldProperty} = {ConditionText}.Field(field, {Limit(condition.FieldMaxLength)}, nameof(field)),");
            writer.Line($"    {condition.OperatorProperty} = op,");
            writer.Line($"    {condition.ValueProperty} = value,");
            writer.Line("};");
        }
    }

    /// <summary>A comparison's overloads: the value's type, and the expression that builds the condition.</summary>
    private static (string Type, string Body)[] ScalarOverloads(ConditionModel condition, ConditionFactoryModel factory)
    {
        var format = SourceWriter.Literal(condition.DateTimeFormat);
        return ScalarValues.Select(scalar => (scalar.Type,
            $"{Create}(field, {condition.OperatorType}.{factory.OperatorMember}, {ConditionText}.Value({string.Format(CultureInfo.InvariantCulture, scalar.Text, "value", format)}, {Limit(condition.ValueMaxLength)}, nameof(value)))")).ToArray();
    }

    /// <summary>A list operator's overloads: per item type, a sequence, and a <c>params</c> array that passes as one.</summary>
    private static (string Type, string Body)[] ListOverloads(ConditionModel condition, ConditionFactoryModel factory)
    {
        var separator = SourceWriter.Literal(condition.ListSeparator);
        return ListItems.SelectMany(item =>
        {
            var sequence = $"global::System.Collections.Generic.IEnumerable<{item.Type}>";
            return new[]
            {
                (sequence, $"{Create}(field, {condition.OperatorType}.{factory.OperatorMember}, {ConditionText}.List(values, static __item => {string.Format(CultureInfo.InvariantCulture, item.Text, "__item")}, {separator}, {Limit(condition.ValueMaxLength)}, nameof(values)))"),
                ($"params {item.Type}[]", $"{factory.MethodName}(field, ({sequence})values)"),
            };
        }).ToArray();
    }

    private static string ValueParameter(ConditionFactoryModel factory) => factory.IsList ? "values" : "value";

    private static void WriteDocumentation(SourceWriter writer, ConditionModel condition, ConditionFactoryModel factory)
    {
        var wireOperator = SourceWriter.EscapeXml(factory.WireValue);
        var separator = SourceWriter.EscapeXml(condition.ListSeparator);
        writer.DocElement("summary", factory.IsList
            ? $"A condition that compares <paramref name=\"field\"/> with the list <paramref name=\"values\"/> by <c>{wireOperator}</c>, its items joined with \"{separator}\"."
            : $"A condition that compares <paramref name=\"field\"/> with <paramref name=\"value\"/> by <c>{wireOperator}</c>.", raw: true);
        writer.DocElement("param", "The name of the field to compare: not blank.", "name=\"field\"");
        writer.DocElement("param", factory.IsList
            ? "The values, at least one, each written as the API reads it (invariant culture); none may be empty or hold the separator."
            : $"The value to compare with, written as the API reads it: invariant culture, a date-time as \"{condition.DateTimeFormat}\" (its clock time, not converted), a date as \"yyyy-MM-dd\", a boolean as true or false.", $"name=\"{ValueParameter(factory)}\"");
        var refusals = new[]
        {
            "<paramref name=\"field\"/> is blank" + (condition.FieldMaxLength is { } field ? $" or longer than {field} characters" : string.Empty),
            factory.IsList ? $"<paramref name=\"values\"/> is empty, or an item is empty or holds \"{separator}\"" : null,
            condition.ValueMaxLength is { } value ? $"the value's text is longer than {value} characters" : null,
        };
        writer.DocElement("exception", string.Join("; ", refusals.Where(refusal => refusal is not null)) + ". The exception names the parameter, and nothing is sent.", "cref=\"global::System.ArgumentException\"", raw: true);
    }

    private static string Limit(int? maxLength) => maxLength is { } limit ? limit.ToString(CultureInfo.InvariantCulture) : "null";
}
