using Microsoft.CodeAnalysis;

namespace ClicRdv.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. Each ID is documented in README.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ClicRdv.Generator";

    /// <summary>Takes the file, the syntax it is written in (JSON or YAML), and the reader's message.</summary>
    public static readonly DiagnosticDescriptor InvalidSyntax = new(
        "CRDV001",
        "The OpenAPI document is not valid JSON or YAML",
        "'{0}' is not valid {1}: {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotOpenApi3 = new(
        "CRDV002",
        "The document is not an OpenAPI 3 document",
        "'{0}' is not an OpenAPI 3 document: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "CRDV003",
        "A $ref cannot be resolved",
        "'{0}' has a $ref that cannot be resolved: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnreadableDocument = new(
        "CRDV004",
        "The OpenAPI document cannot be read",
        "'{0}' cannot be read as OpenAPI: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidOption = new(
        "CRDV005",
        "A generator option has an invalid value",
        "The option '{0}' has the invalid value '{1}': {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateOutput = new(
        "CRDV006",
        "Two documents generate into one namespace",
        "'{0}' generates into the namespace '{1}', as another document does; give each document its own ClicRdvNamespace",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>Takes the minimum version, then what the project references.</summary>
    public static readonly DiagnosticDescriptor MissingRefit = new(
        "CRDV007",
        "The generated clients need a newer Refit",
        "The generated clients need the Refit package, version {0} or later, but {1}: add <PackageReference Include=\"Refit\" Version=\"{0}\" />",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnexpectedFailure = new(
        "CRDV099",
        "The generator failed unexpectedly",
        "Generating code for '{0}' failed unexpectedly: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>Takes the construct, the file, why it is not supported, and what was generated instead.</summary>
    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        "CRDV100",
        "An OpenAPI construct is not supported",
        "{0} in '{1}' is not supported: {2}; {3}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DiscriminatorNotUsed = new(
        "CRDV101",
        "A discriminator does not make a class hierarchy",
        "The discriminator of {0} in '{1}' is not fully used: {2}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnionAsAnyJson = new(
        "CRDV102",
        "A union is read as any JSON value",
        "{0} in '{1}' is a JsonElement, as no rule tells its variants apart: {2}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RequestsTheApiMakes = new(
        "CRDV103",
        "A webhook or callback gets contracts, not a client",
        "{0} in '{1}' is a request the API makes, not one a client sends, so no client method is generated for it: {2}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor VersionAssumed = new(
        "CRDV104",
        "The document has no info.version",
        "'{0}' has no info.version, which OpenAPI requires; '{1}' is assumed (the generated code does not use it)",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor BodyNotAsDescribed = new(
        "CRDV105",
        "A request body's media type or encoding is not supported as written",
        "{0} in '{1}' is not sent as the document describes it: {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OperationServers = new(
        "CRDV106",
        "An operation declares servers of its own",
        "{0} in '{1}' declares servers of its own; its client sends it to the HttpClient's BaseAddress, as every operation: {2} holds the operation's server, for an HttpClient of its own",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PagingNotApplied = new(
        "CRDV107",
        "A paging extension does not apply",
        "{0} in '{1}' gets no paging companion: {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ConditionNotApplied = new(
        "CRDV108",
        "A condition extension does not apply",
        "{0} in '{1}' gets no condition factories: {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);
}
