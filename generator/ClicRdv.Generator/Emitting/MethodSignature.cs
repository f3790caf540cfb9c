using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generated.Support;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;

namespace ClicRdv.Generator.Emitting;

/// <summary>The parts of an operation's method declaration shared by the interface and its implementation.</summary>
internal static class MethodSignature
{
    /// <summary>The C# type of the response content, or null when the operation returns no content.</summary>
    public static string? ContentType(ResponseModel response) => response.Kind switch
    {
        ResponseContent.Json => TypeNames.Value(response.Type!),
        ResponseContent.Text => "string",
        ResponseContent.Stream => TypeNames.Value(response.Type!),
        _ => null,
    };

    public static string ReturnType(OperationModel operation, GeneratorOptions options)
    {
        var content = ContentType(operation.Response);
        if (options.UseApiResponse)
        {
            return content is null
                ? $"{TypeNames.Task}<global::Refit.IApiResponse>"
                : $"{TypeNames.Task}<global::Refit.IApiResponse<{content}>>";
        }

        return content is null ? TypeNames.Task : $"{TypeNames.Task}<{content}>";
    }

    /// <summary>The parameter list, with Refit's attributes when <paramref name="withRefitAttributes"/> is set.</summary>
    public static string Parameters(OperationModel operation, bool withRefitAttributes) =>
        string.Join(", ", Declarations(operation.Parameters, withRefitAttributes).Append(CancellationTokenParameter));

    /// <summary>The last parameter of every method.</summary>
    public const string CancellationTokenParameter = TypeNames.CancellationToken + " cancellationToken = default";

    /// <summary>Each parameter's declaration, an optional one defaulting to <c>default</c>.</summary>
    public static IEnumerable<string> Declarations(IEnumerable<ParameterModel> parameters, bool withRefitAttributes) =>
        parameters.Select(parameter =>
        {
            var attributes = withRefitAttributes ? RefitAttributes(parameter) : string.Empty;
            var defaultValue = parameter.IsRequired ? string.Empty : " = default";
            return $"{attributes}{TypeNames.Parameter(parameter.Type)} {parameter.Name}{defaultValue}";
        });

    /// <summary>Whether the body is a multipart form, sent part by part from the parameters.</summary>
    public static bool IsMultipart(OperationModel operation) => operation.Parameters.Any(parameter => parameter.Location == ParameterLocation.FormPart);

    /// <summary>The Refit verb attribute, such as <c>[global::Refit.Get("/pets/{petId}")]</c>.</summary>
    public static string VerbAttribute(OperationModel operation)
    {
        var verb = operation.HttpMethod.Substring(0, 1) + operation.HttpMethod.Substring(1).ToLowerInvariant();
        return $"[global::Refit.{verb}({SourceWriter.Literal(operation.Path)})]";
    }

    public static void WriteDocumentation(SourceWriter writer, OperationModel operation)
    {
        writer.DocElement("summary", operation.Summary ?? $"{operation.HttpMethod} {operation.Path}");
        writer.DocElement("remarks", JoinParagraphs(operation.Description, operation.IsDeprecated ? "Deprecated: the document marks this operation as deprecated." : null));
        WriteParameterDocumentation(writer, operation.Parameters);
        writer.DocElement("param", "Cancels the request.", "name=\"cancellationToken\"");
        writer.DocElement("returns", operation.Response.Documentation);
    }

    /// <summary>A <c>param</c> element for each parameter: its description, or what it is.</summary>
    public static void WriteParameterDocumentation(SourceWriter writer, IEnumerable<ParameterModel> parameters)
    {
        foreach (var parameter in parameters)
        {
            var fallback = parameter.Location switch
            {
                ParameterLocation.Body => "The request body.",
                ParameterLocation.FormPart => $"The form field '{parameter.WireName}'.",
                _ => $"The {parameter.Location.ToString().ToLowerInvariant()} parameter '{parameter.WireName}'.",
            };
            var documentation = parameter.Documentation ?? fallback;
            if (parameter.Default is { } value && !parameter.IsRequired)
            {
                documentation += $" Not sent when null; the server then assumes the document's default, {DefaultValues.Text(value)}.";
            }

            writer.DocElement("param", documentation, $"name=\"{Identifiers.Unescaped(parameter.Name)}\"");
        }
    }

    private static string RefitAttributes(ParameterModel parameter)
    {
        var aliasNeeded = Identifiers.Unescaped(parameter.Name) != parameter.WireName;
        var alias = aliasNeeded ? $"[global::Refit.AliasAs({SourceWriter.Literal(parameter.WireName)})] " : string.Empty;
        return parameter.Location switch
        {
            // Refit has no cookie attribute; the generated client writes the Cookie header itself.
            ParameterLocation.Path or ParameterLocation.FormPart or ParameterLocation.Cookie => alias,
            ParameterLocation.Query => $"[global::Refit.Query{QueryFormat(parameter)}] {alias}",
            ParameterLocation.Header => $"[global::Refit.Header({SourceWriter.Literal(parameter.WireName)})] ",
            _ => parameter.BodyEncoding == BodyEncoding.FormUrlEncoded
                ? "[global::Refit.Body(global::Refit.BodySerializationMethod.UrlEncoded)] "
                : "[global::Refit.Body] ",
        };
    }

    private static string QueryFormat(ParameterModel parameter) => parameter.Type.Kind != TypeKind.Array || parameter.CollectionStyle == CollectionStyle.DeepObject
        ? string.Empty
        : $"(global::Refit.CollectionFormat.{parameter.CollectionStyle})";

    private static string? JoinParagraphs(params string?[] paragraphs)
    {
        var present = paragraphs.Where(paragraph => !string.IsNullOrWhiteSpace(paragraph)).ToList();
        return present.Count == 0 ? null : string.Join("\n\n", present);
    }
}
