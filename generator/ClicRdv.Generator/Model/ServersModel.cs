namespace ClicRdv.Generator.Model;

/// <summary>The servers of a document and of its operations, written as the <c>ApiServers</c> class.</summary>
/// <param name="ClassName">The generated class, <c>ApiServers</c> unless a schema has the name.</param>
/// <param name="Servers">The document's servers, in its order; the first is <c>Default</c>.</param>
/// <param name="Operations">For each interface with operations that declare servers of their own (or whose path does): their addresses.</param>
internal sealed record ServersModel(string ClassName, EquatableArray<ServerModel> Servers, EquatableArray<OperationServersModel> Operations);

/// <summary>A server: a root address the clients can be given as their HttpClient's BaseAddress.</summary>
/// <param name="Name">The C# name of its constant.</param>
/// <param name="Url">The URL as the document writes it, with its <c>{variables}</c>.</param>
/// <param name="DefaultUrl">The URL with each variable's default.</param>
/// <param name="Segments">The URL cut into literal text and variables (a variable's segment holds its name).</param>
/// <param name="BuilderName">For a server with variables: the method that fills them in (<c>{Name}With</c>).</param>
internal sealed record ServerModel(
    string Name,
    string Url,
    string DefaultUrl,
    string? Description,
    EquatableArray<PathSegmentModel> Segments,
    string? BuilderName,
    EquatableArray<ServerVariableModel> Variables);

/// <param name="Name">The variable's name, as the URL's braces hold it.</param>
/// <param name="ParameterName">The builder's C# parameter.</param>
/// <param name="Allowed">The values <c>enum</c> restricts it to; empty when any value goes.</param>
internal sealed record ServerVariableModel(string Name, string ParameterName, string Default, EquatableArray<string> Allowed, string? Description);

/// <summary>The operations of one interface that declare servers of their own, or whose path does.</summary>
/// <param name="ClassName">The nested class that holds their addresses: the interface's name without its <c>I</c>.</param>
internal sealed record OperationServersModel(string ClassName, string InterfaceName, EquatableArray<OperationServerModel> Operations);

/// <param name="ConstantName">The constant holding its first server's address: the method's name, unless the class has it.</param>
/// <param name="MethodName">The interface's method.</param>
/// <param name="Servers">The servers the operation declares, in its order.</param>
internal sealed record OperationServerModel(string ConstantName, string MethodName, string HttpMethod, string Path, EquatableArray<ServerModel> Servers);
