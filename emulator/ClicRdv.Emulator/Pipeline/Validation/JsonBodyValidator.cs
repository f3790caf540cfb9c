using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Validation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ClicRdv.Emulator.Pipeline.Validation;

/// <summary>
/// A JSON body: strict JSON (RFC 8259, as System.Text.Json reads it: no comments, no single quotes, no trailing
/// commas), each member once, Unicode text (no lone surrogate), no apikey anywhere; then each value the schema
/// describes against <see cref="ValueRules"/> (integers within int64, dates, lengths, item counts), and last the
/// schema's structure (types, required members, enums) through NJsonSchema, which sees only a body that passed the rest.
/// </summary>
internal static class JsonBodyValidator
{
    public static string? Check(JsonSchema schema, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (Walk(document.RootElement, schema, string.Empty) is { } problem)
            {
                return problem;
            }
        }
        catch (System.Text.Json.JsonException exception)
        {
            return "the body is not valid JSON: " + exception.Message;
        }

        var errors = schema.Validate(ReadForSchema(body), SchemaType.OpenApi3);
        return errors.Count == 0
            ? null
            : "the body does not match its schema: " + string.Join("; ", errors.SelectMany(Leaves).Take(3).Select(Describe));
    }

    private static string? Walk(JsonElement element, JsonSchema? schema, string path)
    {
        var facets = schema is null ? null : SchemaFacets.Of(schema);
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var member in element.EnumerateObject())
                {
                    if (!TryReadText(() => member.Name, out var name))
                    {
                        return $"a member name in {Subject(path)} is not Unicode text: it has a lone surrogate";
                    }

                    var memberPath = path.Length == 0 ? name : path + "." + name;
                    var problem = name == ApiKeyRule.Name ? ApiKeyRule.InBody
                        : !names.Add(name) ? $"{Subject(memberPath)} is given twice"
                        : Walk(member.Value, facets?.Properties.GetValueOrDefault(name), memberPath);
                    if (problem is not null)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (facets is not null && ValueRules.CheckItemCount(facets, element.GetArrayLength()) is { } countProblem)
                {
                    return $"{Subject(path)} has {countProblem}";
                }

                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Walk(item, facets?.Item, $"{path}[{index++}]") is { } itemProblem)
                    {
                        return itemProblem;
                    }
                }

                return null;
            case JsonValueKind.String:
                if (!TryReadText(element.GetString, out var text))
                {
                    return $"{Subject(path)} is not Unicode text: it has a lone surrogate";
                }

                return facets is not null && facets.Allows(JsonObjectType.String) && ValueRules.CheckString(facets, text) is { } textProblem
                    ? ValueRules.Describe(Subject(path), text, textProblem, ValueRules.IsSecret(path))
                    : null;
            case JsonValueKind.Number:
                return CheckNumber(element, facets, path);
            default:
                return null;
        }
    }

    /// <summary>
    /// An integer literal beyond int64 is refused wherever it stands: the store cannot hold it, and NJsonSchema throws on
    /// one whatever type the schema wants. Past double's range (1e999), a number would reach NJsonSchema as an infinity.
    /// </summary>
    private static string? CheckNumber(JsonElement element, SchemaFacets? facets, string path)
    {
        var raw = element.GetRawText();
        if (element.TryGetInt64(out var number))
        {
            return facets is not null && facets.Type.HasFlag(JsonObjectType.Integer) && ValueRules.CheckInteger(facets, number) is { } problem
                ? ValueRules.Describe(Subject(path), raw, problem)
                : null;
        }

        return raw.All(character => char.IsAsciiDigit(character) || character == '-') ? ValueRules.Describe(Subject(path), raw, ValueRules.OutsideInt64)
            : facets is not null && facets.Type.HasFlag(JsonObjectType.Number) && !(element.TryGetDouble(out var real) && double.IsFinite(real)) ? ValueRules.Describe(Subject(path), raw, "too large")
            : null;
    }

    private static string Subject(string path) => path.Length == 0 ? "the body" : $"the member '{path}'";

    private static bool TryReadText(Func<string?> read, out string text)
    {
        try
        {
            text = read() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>Newtonsoft's tokens, as NJsonSchema needs them, with date-like strings left as strings.</summary>
    private static JToken ReadForSchema(string body)
    {
        using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    /// <summary>The errors that name a member: an error inside an <c>allOf</c> or a reference is reported as its child.</summary>
    private static IEnumerable<ValidationError> Leaves(ValidationError error) =>
        error is ChildSchemaValidationError child && child.Errors.Values.SelectMany(errors => errors).Any()
            ? child.Errors.Values.SelectMany(errors => errors).SelectMany(Leaves)
            : new[] { error };

    private static string Describe(ValidationError error)
    {
        var subject = Subject(error.Path?.TrimStart('#', '/') ?? string.Empty);
        return error.Kind == ValidationErrorKind.PropertyRequired ? $"{subject} is required" : $"{error.Kind} at {subject}";
    }
}
