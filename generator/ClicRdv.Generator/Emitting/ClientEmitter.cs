using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes the class that implements each interface, the catalog of clients and the module initializer that registers
/// them with Refit. Refit's own generator cannot see interfaces made by another generator, so without these classes
/// <c>RestService.For&lt;T&gt;</c> would have nothing to return. The helpers they call are added once per compilation
/// (<see cref="ClientSupportSources"/>).
/// </summary>
internal static class ClientEmitter
{
    public static Microsoft.CodeAnalysis.Text.SourceText Emit(DocumentModel document, JsonTypeCatalog json)
    {
        var converters = document.Contracts
            .Where(contract => contract.ConverterName is not null)
            .ToDictionary(contract => contract.Name, contract => contract.ConverterName!, StringComparer.Ordinal);
        var formatter = new ValueFormatter(converters, document.Options.Namespace);
        var writer = FileHeader.Start(document);
        writer.Separated(document.Interfaces, api => WriteClient(writer, api, document, formatter, json));
        writer.Line();
        WriteCatalog(writer, document);
        writer.Line();
        WriteRegistration(writer, document);
        var fileResponse = document.Interfaces.SelectMany(api => api.Operations).FirstOrDefault(operation => operation.Response.Kind == Generated.Support.ResponseContent.Stream);
        if (fileResponse is not null)
        {
            writer.Line();
            FileResponseEmitter.Write(writer, fileResponse.Response.Type!.Name, document);
        }

        return writer.ToSourceText();
    }

    private static void WriteClient(SourceWriter writer, ApiInterfaceModel api, DocumentModel document, ValueFormatter formatter, JsonTypeCatalog json)
    {
        var context = TypeNames.Qualified(document.Options.Namespace, document.JsonContextClassName);
        writer.DocElement("summary", $"Implements <see cref=\"{api.Name}\"/> over an <see cref=\"global::System.Net.Http.HttpClient\"/>, with Refit's settings.", raw: true);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"{document.Options.Accessibility} sealed partial class {api.ClientName} : {api.Name}");
        using (writer.OpenBlock())
        {
            writer.Line("private readonly global::System.Net.Http.HttpClient _httpClient;");
            writer.Line("private readonly global::Refit.RefitSettings _settings;");
            writer.Line($"private readonly {context}? _json;");
            writer.Line($"private readonly {ClientSupportSources.UrlFormatting}? _url;");
            writer.Line();
            writer.DocElement("summary", $"Creates a client with the document's default settings (<see cref=\"{context}.Default\"/>). The HttpClient's BaseAddress must be the API's root address.", raw: true);
            writer.Line($"public {api.ClientName}(global::System.Net.Http.HttpClient httpClient)");
            writer.Line($"    : this(httpClient, {TypeNames.Qualified(document.Options.Namespace, document.CatalogClassName)}.DefaultSettings)");
            writer.Line("{");
            writer.Line("}");
            writer.Line();
            writer.DocElement("summary", $"Creates a client whose errors, URL formatting and serializer options follow <paramref name=\"settings\"/>. JSON is read and written with <see cref=\"{context}\"/> under the options of Refit's <c>SystemTextJsonContentSerializer</c>; another content serializer is used as it is.", raw: true);
            writer.Line($"public {api.ClientName}(global::System.Net.Http.HttpClient httpClient, global::Refit.RefitSettings settings)");
            using (writer.OpenBlock())
            {
                writer.Line("_httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));");
                writer.Line("_settings = settings ?? throw new global::System.ArgumentNullException(nameof(settings));");
                writer.Line($"_json = {ClientSupportSources.DocumentJson}<{context}>.For(settings, {context}.Default, static options => new {context}(options));");
                writer.Line($"_url = {ClientSupportSources.UrlFormatting}.For(settings);");
            }

            foreach (var operation in api.Operations)
            {
                writer.Line();
                WriteMethod(writer, operation, document.Options, formatter, json, context);
            }
        }
    }

    private static void WriteMethod(SourceWriter writer, OperationModel operation, GeneratorOptions options, ValueFormatter formatter, JsonTypeCatalog json, string context)
    {
        writer.Line("/// <inheritdoc />");
        writer.Line($"public async {MethodSignature.ReturnType(operation, options)} {operation.Name}({MethodSignature.Parameters(operation, withRefitAttributes: false)})");
        using (writer.OpenBlock())
        {
            MethodBodyEmitter.Write(writer, operation, options, formatter, json, context);
        }
    }

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
            writer.Line();
            writer.DocElement("summary", "The settings of a client created without any: Refit's defaults, with a content serializer over the document's default metadata.");
            writer.Line($"internal static global::Refit.RefitSettings DefaultSettings {{ get; }} = new(new global::Refit.SystemTextJsonContentSerializer({TypeNames.Qualified(document.Options.Namespace, document.JsonContextClassName)}.Default.Options));");
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
