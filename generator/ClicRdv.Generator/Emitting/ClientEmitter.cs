using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes the class that implements each interface, the module initializer that registers them with Refit, and the
/// file-local helpers they use. Refit's own generator cannot see interfaces made by another generator, so without
/// these classes <c>RestService.For&lt;T&gt;</c> would have nothing to return.
/// </summary>
internal static class ClientEmitter
{
    public static Microsoft.CodeAnalysis.Text.SourceText Emit(DocumentModel document)
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
        foreach (var line in ClientRuntimeSource.Lines)
        {
            writer.Line(line);
        }

        return writer.ToSourceText();
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
            MethodBodyEmitter.Write(writer, operation, options, formatter);
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
