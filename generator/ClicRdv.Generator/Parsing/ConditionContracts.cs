using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;
using NJsonSchema;
using NSwag;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Gives each component schema an <c>x-condition</c> rule fits its typed factories (<see cref="ConditionModel"/>).
/// A rule that does not fit its schema (a member it lacks, an operator that is not a string enum, a list operator the
/// enum does not list) is reported (CRDV108) and gives none. The classes must be final, so this runs once the
/// components are mapped.
/// </summary>
internal static class ConditionContracts
{
    /// <summary>What a <c>DateTime</c> value is written as when the document fixes no date-time format: ISO 8601's clock time.</summary>
    public const string IsoDateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss";

    public static IEnumerable<ConditionModel> Map(OpenApiDocument document, SchemaMapper schemas, DiagnosticSink diagnostics)
    {
        // The document's own date-time format, when it has exactly one, is the one its servers read.
        var documentFormats = schemas.DateTimeFormats.Select(format => format.Format).Distinct(StringComparer.Ordinal).ToList();
        var documentFormat = documentFormats.Count == 1 ? documentFormats[0] : IsoDateTimeFormat;
        foreach (var component in document.Components.Schemas.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var pointer = "/components/schemas/" + SourceLocator.EscapeSegment(component.Key) + "/" + ConditionExtension.Name;
            var construct = $"The schema '{component.Key}'";
            if (component.Value is null || ConditionExtension.Read(component.Value.ExtensionData, pointer, construct, diagnostics) is not { } rule)
            {
                continue;
            }

            var model = Fit(component.Value, rule, rule.DateTimeFormat ?? documentFormat, schemas, out var reason);
            if (model is null)
            {
                diagnostics.ConditionNotApplied(construct, pointer, reason!);
                continue;
            }

            yield return model;
        }
    }

    /// <summary>The factories of the schema's class, or null with why the rule does not fit it.</summary>
    private static ConditionModel? Fit(JsonSchema schema, ConditionRule rule, string dateTimeFormat, SchemaMapper schemas, out string? reason)
    {
        reason = null;
        var type = schemas.KnownTypeOf(schema);
        var contract = type is null ? null : schemas.ContractOf(type);
        if (contract?.Kind != ContractKind.Object)
        {
            reason = "it is not an object schema";
            return null;
        }

        var members = schemas.FieldsOf(type!).ToList();
        var field = members.FirstOrDefault(member => member.WireName == rule.Field);
        var op = members.FirstOrDefault(member => member.WireName == rule.Operator);
        var value = members.FirstOrDefault(member => member.WireName == rule.Value);
        var missing = field is null ? rule.Field : op is null ? rule.Operator : value is null ? rule.Value : null;
        if (missing is not null)
        {
            reason = $"it has no member '{missing}'";
            return null;
        }

        var notText = !field!.Type.IsString ? rule.Field : !value!.Type.IsString ? rule.Value : null;
        if (notText is not null)
        {
            reason = $"its member '{notText}' is not a string";
            return null;
        }

        var operators = op!.Type.Kind == TypeKind.StringEnum ? schemas.ContractOf(op.Type) : null;
        if (operators is null || operators.IsFlags)
        {
            reason = $"its operator member '{rule.Operator}' is not a string enum";
            return null;
        }

        var unlisted = rule.ListOperators.FirstOrDefault(listOperator => operators.Members.All(member => member.Value != listOperator));
        if (unlisted is not null)
        {
            reason = $"listOperators names '{unlisted}', which its operator enum does not list";
            return null;
        }

        var names = new UniqueNameScope(new[] { contract.Name, ReservedNames.AdditionalProperties }.Concat(ReservedNames.ObjectMembers).Concat(members.Select(member => member.Name)).ToArray());
        var factories = operators.Members
            .Select(member => new ConditionFactoryModel(names.Claim(member.Name), member.Name, member.Value, rule.ListOperators.Contains(member.Value)))
            .ToEquatableArray();
        var properties = SchemaMapper.Dereference(schema).ActualProperties;
        return new ConditionModel(
            contract.Name,
            field.Name,
            MaxLength(properties, rule.Field),
            op.Name,
            operators.Name,
            value!.Name,
            MaxLength(properties, rule.Value),
            rule.ListSeparator,
            dateTimeFormat,
            factories);
    }

    /// <summary>The <c>maxLength</c> of the schema's own member (an inherited one's is not looked up).</summary>
    private static int? MaxLength(IReadOnlyDictionary<string, JsonSchemaProperty> properties, string wireName) =>
        properties.TryGetValue(wireName, out var property) ? SchemaMapper.Dereference(property).MaxLength : null;
}
