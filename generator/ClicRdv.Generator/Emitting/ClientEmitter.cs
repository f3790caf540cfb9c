using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes the class that implements each interface, the module initializer that registers them with Refit, and the
/// file-local helpers they use. Refit's own generator cannot see interfaces made by another generator, so without
/// these classes <c>RestService.For&lt;T&gt;</c> would have nothing to return.
/// </summary>
internal static class ClientEmitter
{
    private const string Runtime = ClientRuntimeSource.RuntimeClassName;

    public static string Emit(DocumentModel document)
    {
        var converters = document.Contracts
            .Where(contract => contract.ConverterName is not null)
            .ToDictionary(contract => contract.Name, contract => contract.ConverterName!, StringComparer.Ordinal);
        var writer = FileHeader.Start(document);
        writer.Separated(document.Interfaces, api => WriteClient(writer, api, document.Options, new ValueFormatter(converters)));
        writer.Line();
        WriteCatalog(writer, document);
        writer.Line();
        WriteRegistration(writer, document);
        writer.Line();
        foreach (var line in ClientRuntimeSource.Text.Replace("\r\n", "\n").Split('\n'))
        {
            writer.Line(line);
        }

        return FileHeader.End(writer);
    }

    private static void WriteClient(SourceWriter writer, ApiInterfaceModel api, GeneratorOptions options, ValueFormatter formatter)
    {
        writer.DocElement("summary", $"Implements <see cref=\"{api.Name}\"/> over an <see cref=\"global::System.Net.Http.HttpClient\"/>, with Refit's settings.", raw: true);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"{options.Accessibility} sealed partial class {api.ClientName} : {api.Name}");
        using (writer.OpenBlock())
        {
            writer.Line("private readonly global::System.Net.Http.HttpClient _httpClient;");
            writer.Line("private readonly global::Refit.RefitSettings _settings;");
            writer.Line();
            writer.DocElement("summary", "Creates a client with Refit's default settings. The HttpClient's BaseAddress must be the API's root address.");
            writer.Line($"public {api.ClientName}(global::System.Net.Http.HttpClient httpClient)");
            writer.Line("    : this(httpClient, new global::Refit.RefitSettings())");
            writer.Line("{");
            writer.Line("}");
            writer.Line();
            writer.DocElement("summary", "Creates a client whose serialization and errors follow <paramref name=\"settings\"/>.", raw: true);
            writer.Line($"public {api.ClientName}(global::System.Net.Http.HttpClient httpClient, global::Refit.RefitSettings settings)");
            using (writer.OpenBlock())
            {
                writer.Line("_httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));");
                writer.Line("_settings = settings ?? throw new global::System.ArgumentNullException(nameof(settings));");
            }

            foreach (var operation in api.Operations)
            {
                writer.Line();
                WriteMethod(writer, operation, options, formatter);
            }
        }
    }

    private static void WriteMethod(SourceWriter writer, OperationModel operation, GeneratorOptions options, ValueFormatter formatter)
    {
        writer.Line("/// <inheritdoc />");
        writer.Line($"public async {MethodSignature.ReturnType(operation, options)} {operation.Name}({MethodSignature.Parameters(operation, withRefitAttributes: false)})");
        using (writer.OpenBlock())
        {
            writer.Line($"var __path = {PathExpression(operation, formatter)};");
            var queryParameters = operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Query).ToList();
            if (queryParameters.Count > 0)
            {
                writer.Line("global::System.Text.StringBuilder? __query = null;");
                foreach (var parameter in queryParameters)
                {
                    WriteQueryParameter(writer, parameter, formatter);
                }
            }

            var query = queryParameters.Count > 0 ? "__query" : "null";
            writer.Line($"using var __request = new global::System.Net.Http.HttpRequestMessage({HttpMethodExpression(operation.HttpMethod)}, {Runtime}.BuildUri(_httpClient, __path, {query}));");
            if (operation.Response.MediaType is { } accept && operation.Response.Kind != ResponseKind.Stream)
            {
                writer.Line($"__request.Headers.TryAddWithoutValidation(\"Accept\", {SourceWriter.Literal(accept)});");
            }

            foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Header))
            {
                WriteIfPresent(writer, parameter.Name, parameter.Type, value =>
                    writer.Line($"__request.Headers.TryAddWithoutValidation({SourceWriter.Literal(parameter.WireName)}, {formatter.Text(parameter.Type, value, parameter.CollectionStyle)});"));
            }

            foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Body))
            {
                WriteIfPresent(writer, parameter.Name, parameter.Type, value => BodyStatement(writer, parameter, value, formatter));
            }

            var content = operation.Response.Kind;
            var typeArgument = MethodSignature.ContentType(operation.Response) ?? "object";
            var sendMethod = options.UseApiResponse ? "SendForApiResponseAsync" : "SendAsync";
            var call = $"{Runtime}.{sendMethod}<{typeArgument}>(_httpClient, __request, _settings, ResponseContent.{content}, cancellationToken).ConfigureAwait(false)";
            writer.Line(content == ResponseKind.None && !options.UseApiResponse ? $"await {call};" : $"return await {call};");
        }
    }

    private static string PathExpression(OperationModel operation, ValueFormatter formatter)
    {
        var parts = operation.PathSegments.Select(segment =>
        {
            if (!segment.IsParameter)
            {
                return SourceWriter.Literal(segment.Text);
            }

            var parameter = operation.Parameters.First(candidate => candidate.Location == ParameterLocation.Path && candidate.WireName == segment.Text);
            return $"{Runtime}.EscapePathSegment({formatter.Text(parameter.Type, parameter.Name, CollectionStyle.Csv)})";
        }).ToList();

        return parts.Count == 0 ? SourceWriter.Literal(string.Empty) : string.Join(" + ", parts);
    }

    private static void WriteQueryParameter(SourceWriter writer, ParameterModel parameter, ValueFormatter formatter)
    {
        if (parameter.CollectionStyle == CollectionStyle.DeepObject)
        {
            WriteIfPresent(writer, parameter.Name, parameter.Type, value => WriteDeepObject(writer, parameter, value, formatter));
            return;
        }

        var key = SourceWriter.Literal(Uri.EscapeDataString(parameter.WireName));
        if (parameter.Type.Kind == TypeKind.Array && parameter.CollectionStyle == CollectionStyle.Multi)
        {
            WriteIfPresent(writer, parameter.Name, parameter.Type, value =>
            {
                writer.Line($"foreach (var __item in {value})");
                using (writer.OpenBlock())
                {
                    writer.Line($"{Runtime}.AddQuery(ref __query, {key}, {formatter.Item(parameter.Type.Element!, "__item")});");
                }
            });
            return;
        }

        WriteIfPresent(writer, parameter.Name, parameter.Type, value =>
            writer.Line($"{Runtime}.AddQuery(ref __query, {key}, {formatter.Text(parameter.Type, value, parameter.CollectionStyle)});"));
    }

    /// <summary>Writes <c>name[field]=value</c> per field, or <c>name[i][field]=value</c> per item and field of an array.</summary>
    private static void WriteDeepObject(SourceWriter writer, ParameterModel parameter, string value, ValueFormatter formatter)
    {
        var escapedName = SourceWriter.Literal(Uri.EscapeDataString(parameter.WireName));
        void WriteFields(string item, string prefix)
        {
            foreach (var field in parameter.Fields)
            {
                var key = $"{prefix} + {SourceWriter.Literal(Uri.EscapeDataString("[" + field.WireName + "]"))}";
                WriteIfPresent(writer, $"{item}.{field.Name}", field.Type, fieldValue =>
                    writer.Line($"{Runtime}.AddQuery(ref __query, {key}, {formatter.Text(field.Type, fieldValue, CollectionStyle.Csv)});"));
            }
        }

        if (parameter.Type.Kind != TypeKind.Array)
        {
            WriteFields(value, escapedName);
            return;
        }

        // Locals named after the parameter, so that two such parameters in one method do not clash.
        var local = "__" + Identifiers.Unescaped(parameter.Name);
        writer.Line($"var {local}Index = 0;");
        writer.Line($"foreach (var {local}Item in {value})");
        using (writer.OpenBlock())
        {
            writer.Line($"var {local}Prefix = {escapedName} + \"%5B\" + {Runtime}.Format({local}Index++) + \"%5D\";");
            WriteFields(local + "Item", local + "Prefix");
        }
    }

    private static void BodyStatement(SourceWriter writer, ParameterModel parameter, string value, ValueFormatter formatter)
    {
        switch (parameter.BodyEncoding)
        {
            case BodyEncoding.Json:
                writer.Line($"__request.Content = _settings.ContentSerializer.ToHttpContent({value});");
                break;
            case BodyEncoding.FormUrlEncoded:
                writer.Line("var __form = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();");
                foreach (var field in parameter.Fields)
                {
                    WriteIfPresent(writer, $"{value}.{field.Name}", field.Type, fieldValue => WriteFormField(writer, field, fieldValue, formatter));
                }

                writer.Line("__request.Content = new global::System.Net.Http.FormUrlEncodedContent(__form);");
                break;
            case BodyEncoding.Text:
                writer.Line($"__request.Content = new global::System.Net.Http.StringContent({value}, global::System.Text.Encoding.UTF8, {SourceWriter.Literal(MediaTypeWithoutParameters(parameter.MediaType))});");
                break;
            case BodyEncoding.Stream:
                writer.Line($"__request.Content = new global::System.Net.Http.StreamContent({value});");
                writer.Line($"__request.Content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue({SourceWriter.Literal(MediaTypeWithoutParameters(parameter.MediaType))});");
                break;
            default:
                writer.Line($"__request.Content = {value};");
                break;
        }
    }

    private static void WriteFormField(SourceWriter writer, PropertyModel field, string value, ValueFormatter formatter)
    {
        var key = SourceWriter.Literal(field.WireName);
        if (field.Type.Kind == TypeKind.Array)
        {
            writer.Line($"foreach (var __item in {value})");
            using (writer.OpenBlock())
            {
                writer.Line($"if ({formatter.Item(field.Type.Element!, "__item")} is {{ }} __text) __form.Add(new(key: {key}, value: __text));");
            }

            return;
        }

        writer.Line($"__form.Add(new(key: {key}, value: {formatter.Text(field.Type, value, CollectionStyle.Csv)}));");
    }

    /// <summary>
    /// Writes <paramref name="write"/> for the value of <paramref name="expression"/>, guarded by a null check when it
    /// may be null; the guard's pattern variable gives the non-null value without <c>.Value</c> or <c>!</c>.
    /// </summary>
    private static void WriteIfPresent(SourceWriter writer, string expression, TypeRef type, Action<string> write)
    {
        if (!type.IsNullable)
        {
            write(expression);
            return;
        }

        var local = "__" + expression.Replace("@", string.Empty).TrimStart('_').Replace(".", "_");
        writer.Line($"if ({expression} is {{ }} {local})");
        using (writer.OpenBlock())
        {
            write(local);
        }
    }

    private static string HttpMethodExpression(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        _ => $"new global::System.Net.Http.HttpMethod({SourceWriter.Literal(method)})",
    };

    private static string MediaTypeWithoutParameters(string? mediaType) =>
        (mediaType ?? "application/octet-stream").Split(';')[0].Trim();

    /// <summary>Lists every client with a factory, so that a registration (ClicRdv.Runtime's AddClicRdv) needs no reflection.</summary>
    private static void WriteCatalog(SourceWriter writer, DocumentModel document)
    {
        const string FactoryType = "global::System.Func<global::System.Net.Http.HttpClient, global::Refit.RefitSettings, object>";
        writer.DocElement("summary", $"The clients generated from \"{document.Title}\": each interface with a factory of its implementation.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"{document.Options.Accessibility} static partial class {document.CatalogClassName}");
        using (writer.OpenBlock())
        {
            writer.DocElement("summary", "Each interface, with a function that creates its client from an HttpClient (whose BaseAddress is the API's root) and Refit settings.");
            writer.Line($"public static global::System.Collections.Generic.IReadOnlyDictionary<global::System.Type, {FactoryType}> Factories {{ get; }} =");
            writer.Line($"    new global::System.Collections.ObjectModel.ReadOnlyDictionary<global::System.Type, {FactoryType}>(new global::System.Collections.Generic.Dictionary<global::System.Type, {FactoryType}>");
            writer.Line("    {");
            foreach (var api in document.Interfaces)
            {
                writer.Line($"        [typeof({api.Name})] = static (httpClient, settings) => new {api.ClientName}(httpClient, settings),");
            }

            writer.Line("    });");
        }
    }

    private static void WriteRegistration(SourceWriter writer, DocumentModel document)
    {
        writer.DocElement("summary", "Registers the clients with Refit when the assembly loads, so that RestService.For works for each interface.");
        writer.Line($"file static class {document.RegistrationClassName}");
        using (writer.OpenBlock())
        {
            writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            writer.Line("internal static void Register()");
            using (writer.OpenBlock())
            {
                foreach (var api in document.Interfaces)
                {
                    writer.Line($"global::Refit.RestService.RegisterGeneratedSettingsFactory<{api.Name}>(static (httpClient, settings) => new {api.ClientName}(httpClient, settings));");
                }
            }
        }
    }
}
