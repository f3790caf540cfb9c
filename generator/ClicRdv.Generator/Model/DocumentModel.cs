namespace ClicRdv.Generator.Model;

/// <summary>Everything the emitter needs for one OpenAPI document: plain data, no NSwag or Roslyn objects.</summary>
/// <param name="HintName">A file-name-safe prefix for the generated sources, unique per document.</param>
/// <param name="Title">The document's title, for comments.</param>
/// <param name="RegistrationClassName">The class holding the module initializer that registers the clients with Refit.</param>
/// <param name="CatalogClassName">The public class that lists every client with its factory (<c>ApiClients</c>).</param>
/// <param name="JsonContextClassName">The public System.Text.Json context with the metadata of every type (<c>ApiJsonContext</c>).</param>
/// <param name="Servers">The servers the document and its operations declare, or null when they declare none (or only contracts are generated).</param>
/// <param name="Conditions">The typed factories of the condition contracts (<c>x-condition</c>), in their schemas' order.</param>
internal sealed record DocumentModel(
    string HintName,
    string Title,
    GeneratorOptions Options,
    string RegistrationClassName,
    string CatalogClassName,
    string JsonContextClassName,
    EquatableArray<ContractModel> Contracts,
    EquatableArray<ApiInterfaceModel> Interfaces,
    EquatableArray<DateTimeFormatModel> DateTimeFormats,
    EquatableArray<LenientConverterModel> LenientConverters,
    ServersModel? Servers = null,
    EquatableArray<ConditionModel> Conditions = default);

/// <summary>A date-time wire format (from <c>x-date-time-format</c>) and the converter generated for it.</summary>
/// <param name="ConverterName">The generated converter class.</param>
/// <param name="Format">A .NET custom date and time format string, such as <c>yyyy-MM-dd HH:mm:ss</c>.</param>
internal sealed record DateTimeFormatModel(string ConverterName, string Format);

/// <summary>
/// The public converter generated for the <c>x-lenient</c> members of one C# type, so that code in another assembly
/// (the System.Text.Json source generator's, say) can name it; it delegates to the internal client-support converter.
/// </summary>
/// <param name="ConverterName">The generated converter class.</param>
/// <param name="Type">The members' C# type (a nullable value type stays nullable: the converter reads null and "" as none).</param>
internal sealed record LenientConverterModel(string ConverterName, TypeRef Type);

/// <summary>The options of one document, resolved from MSBuild properties and item metadata.</summary>
/// <param name="Namespace">The namespace of every generated type.</param>
/// <param name="IsInternal">Whether the generated types are internal instead of public.</param>
/// <param name="UseApiResponse">Whether methods return <c>Task&lt;IApiResponse&lt;T&gt;&gt;</c> instead of throwing.</param>
/// <param name="ClosedEnums">Whether enums are C# enums that refuse a value the document does not list, instead of open structs that keep it.</param>
/// <param name="Filter">Which operations are generated (see <see cref="Operations"/>).</param>
/// <param name="Generate">Whether clients are generated, or contracts only.</param>
internal sealed record GeneratorOptions(string Namespace, bool IsInternal, bool UseApiResponse, bool ClosedEnums = false, OperationFilter? Filter = null, GeneratedParts Generate = GeneratedParts.All)
{
    /// <summary>Which operations are generated: every one unless an option says otherwise.</summary>
    public OperationFilter Operations => Filter ?? OperationFilter.Everything;


    public string Accessibility => IsInternal ? "internal" : "public";
}

/// <summary>The outcome of parsing one document: a model (absent when an error prevents generation) and diagnostics.</summary>
internal sealed record ParseResult(DocumentModel? Document, EquatableArray<DiagnosticInfo> Diagnostics);
