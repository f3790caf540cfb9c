using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generated.Support;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;
using NSwag;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Gives each operation an <c>x-paging</c> rule fits a streaming companion (<see cref="PagingModel"/>). The rule is
/// the operation's own or the document's; the document's applies silently to the operations that have its parameters
/// and an answer with its records, while an operation's own rule that does not fit is reported (CRDV107). The answer's
/// members are looked up once the classes are final, so the companions are made in <see cref="Apply"/>.
/// </summary>
internal sealed class PagedOperations
{
    private const string PageSizeArgument = "pageSize";

    private const string ClientArgument = "api";

    private static readonly string[] IntegerTypes = { "int", "long" };

    private readonly SchemaMapper _schemas;
    private readonly UniqueNameScope _typeNames;
    private readonly DiagnosticSink _diagnostics;
    private readonly PagingRule? _documentRule;
    private readonly Dictionary<(string Interface, string Method), Candidate> _candidates = new();
    private readonly Dictionary<string, UniqueNameScope> _methodNames = new(StringComparer.Ordinal);
    private int _documentRuleUses;

    public PagedOperations(OpenApiDocument document, SchemaMapper schemas, UniqueNameScope typeNames, DiagnosticSink diagnostics)
    {
        _schemas = schemas;
        _typeNames = typeNames;
        _diagnostics = diagnostics;
        _documentRule = PagingExtension.Read(document.ExtensionData, string.Empty, "The document", diagnostics);
    }

    /// <summary>Notes the rule that applies to <paramref name="operation"/>, the method just mapped from <paramref name="source"/>, if any.</summary>
    public void Consider(string interfaceName, UniqueNameScope methodNames, OperationModel operation, OpenApiOperation source, string pointer, string operationName)
    {
        var own = PagingExtension.IsPresent(source.ExtensionData);
        var rule = own ? PagingExtension.Read(source.ExtensionData, pointer, operationName, _diagnostics) : _documentRule;
        if (rule is not null)
        {
            _candidates[(interfaceName, operation.Name)] = new Candidate(rule, own, pointer + "/" + PagingExtension.Name, operationName);
            _methodNames[interfaceName] = methodNames;
        }
    }

    /// <summary>
    /// The interfaces with the companions of their paged operations, and the class that holds them; with
    /// <paramref name="reportUnusedRule"/>, a document rule no operation fits is reported.
    /// </summary>
    public EquatableArray<ApiInterfaceModel> Apply(EquatableArray<ApiInterfaceModel> interfaces, bool reportUnusedRule)
    {
        var result = interfaces.Select(api =>
        {
            var operations = api.Operations.Select(operation => _candidates.TryGetValue((api.Name, operation.Name), out var candidate)
                ? operation with { Paging = Companion(operation, candidate, _methodNames[api.Name]) }
                : operation).ToEquatableArray();
            return operations.Any(operation => operation.Paging is not null)
                ? api with { Operations = operations, PagingClassName = _typeNames.Claim(api.Name.Substring(1) + "Paging") }
                : api;
        }).ToEquatableArray();
        if (reportUnusedRule && _documentRule is not null && _documentRuleUses == 0)
        {
            _diagnostics.PagingNotApplied("The document", "/" + PagingExtension.Name, $"no operation has the query parameters '{_documentRule.Offset}' and '{_documentRule.PageSize}' and an answer with the array '{_documentRule.Records}'");
        }

        return result;
    }

    private PagingModel? Companion(OperationModel operation, Candidate candidate, UniqueNameScope methodNames)
    {
        var rule = candidate.Rule;
        var reason = Misfit(operation, rule, out var offset, out var pageSize, out var records, out var total);
        if (reason is not null)
        {
            if (candidate.IsOwn)
            {
                _diagnostics.PagingNotApplied(candidate.OperationName, candidate.Pointer, reason);
            }

            return null;
        }

        if (!candidate.IsOwn)
        {
            _documentRuleUses++;
        }

        var argumentNames = new UniqueNameScope("cancellationToken");
        foreach (var parameter in operation.Parameters.Where(parameter => parameter != offset && parameter != pageSize))
        {
            argumentNames.Reserve(Identifiers.Unescaped(parameter.Name));
        }

        return new PagingModel(
            methodNames.Claim(operation.Name + "AllAsync"),
            argumentNames.Claim(ClientArgument),
            offset!.Name,
            pageSize!.Name,
            pageSize.Type.IsString,
            argumentNames.Claim(PageSizeArgument),
            records!.Name,
            records.Type.Element!,
            total?.Name,
            rule.DefaultPageSize,
            rule.MaxPageSize);
    }

    /// <summary>Why the rule does not fit the operation, or null when it does (with the parameters and members it names).</summary>
    private string? Misfit(OperationModel operation, PagingRule rule, out ParameterModel? offset, out ParameterModel? pageSize, out PropertyModel? records, out PropertyModel? total)
    {
        offset = QueryParameter(operation, rule.Offset);
        pageSize = QueryParameter(operation, rule.PageSize);
        records = null;
        total = null;
        if (offset is null || pageSize is null)
        {
            return $"it has no query parameter '{(offset is null ? rule.Offset : rule.PageSize)}'";
        }

        if (!IsInteger(offset.Type))
        {
            return $"its offset parameter '{rule.Offset}' is not an integer";
        }

        if (!IsInteger(pageSize.Type) && !pageSize.Type.IsString && !HasIntegerVariant(pageSize.Type))
        {
            return $"its page size parameter '{rule.PageSize}' is neither an integer, a string, nor a union with an integer";
        }

        var answer = operation.Response;
        if (answer.Kind != ResponseContent.Json || answer.Envelope is not null || answer.Type?.Kind != TypeKind.Contract)
        {
            return "its answer is not a JSON object";
        }

        var members = _schemas.FieldsOf(answer.Type).ToList();
        records = members.FirstOrDefault(member => member.WireName == rule.Records);
        if (records?.Type.Kind != TypeKind.Array)
        {
            return $"its answer has no array '{rule.Records}'";
        }

        if (rule.Total is { } totalName)
        {
            total = members.FirstOrDefault(member => member.WireName == totalName);
            if (total is null || !IsInteger(total.Type))
            {
                return $"its answer has no integer '{totalName}'";
            }
        }

        return null;
    }

    private static ParameterModel? QueryParameter(OperationModel operation, string wireName) =>
        operation.Parameters.FirstOrDefault(parameter => parameter.Location == ParameterLocation.Query && parameter.WireName == wireName);

    private static bool IsInteger(TypeRef type) => type.Kind == TypeKind.Primitive && Array.IndexOf(IntegerTypes, type.Name) >= 0;

    /// <summary>A union one of whose variants is an integer, which an <c>int</c> converts to (ClicRDV's page size: a number or "all").</summary>
    private bool HasIntegerVariant(TypeRef type) => _schemas.ContractOf(type)?.Variants.Any(variant => IsInteger(variant.Type)) == true;

    /// <param name="IsOwn">Whether the operation has the rule itself, rather than from the document.</param>
    private sealed record Candidate(PagingRule Rule, bool IsOwn, string Pointer, string OperationName);
}
