using System;
using System.Linq;
using NJsonSchema;

namespace ClicRdv.Emulator.Pipeline.Validation;

/// <summary>
/// A form body (<c>application/x-www-form-urlencoded</c>, the login): only the fields its schema describes, each once,
/// each value against its schema, the required ones present, and never the apikey. Passwords are not echoed.
/// </summary>
internal static class FormValidator
{
    public static string? Check(JsonSchema schema, string body)
    {
        var facets = SchemaFacets.Of(schema);
        var fields = UrlEncodedPairs.Parse(body).GroupBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        foreach (var field in fields)
        {
            var subject = $"the form field '{field.Key}'";
            if (field.Key == ApiKeyRule.Name)
            {
                return ApiKeyRule.InBody;
            }

            if (!facets.Properties.TryGetValue(field.Key, out var property))
            {
                return $"the form has a field '{field.Key}' the document does not describe";
            }

            var values = field.Select(pair => pair.Value).ToList();
            if (values.Count > 1)
            {
                return ParameterValidator.GivenMoreThanOnce(subject, values.Count);
            }

            if (ValueRules.CheckText(property, values[0]) is { } problem)
            {
                return ValueRules.Describe(subject, values[0], problem, ValueRules.IsSecret(field.Key));
            }
        }

        return facets.Required.FirstOrDefault(required => fields.All(field => field.Key != required)) is { } missing ? $"the form field '{missing}' is required" : null;
    }
}
