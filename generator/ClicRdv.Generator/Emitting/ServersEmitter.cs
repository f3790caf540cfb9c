using System.Linq;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes <c>ApiServers</c>: a constant for each server the document declares (its variables' defaults filled in), a
/// method for each server with variables, which checks the values an <c>enum</c> restricts, and the addresses of the
/// operations that declare servers of their own.
/// </summary>
internal static class ServersEmitter
{
    private const string ArgumentException = "global::System.ArgumentException";
    private const string ArgumentNullException = "global::System.ArgumentNullException";

    public static Microsoft.CodeAnalysis.Text.SourceText Emit(DocumentModel document, ServersModel servers)
    {
        var writer = FileHeader.Start(document);
        writer.DocElement("summary", $"The servers of {SourceWriter.EscapeXml(document.Title)}: the addresses to give an HttpClient as its BaseAddress, such as <c>new HttpClient {{ BaseAddress = new Uri({servers.ClassName}.Default) }}</c>. A relative address is relative to where the document is served.", raw: true);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"{document.Options.Accessibility} static partial class {servers.ClassName}");
        using (writer.OpenBlock())
        {
            writer.Separated(servers.Servers, server => WriteServer(writer, server));
            if (servers.Servers.Count > 0)
            {
                writer.Line();
                writer.DocElement("summary", $"The first server the document lists, <see cref=\"{servers.Servers[0].Name}\"/>.", raw: true);
                writer.Line($"public const string Default = {servers.Servers[0].Name};");
            }

            foreach (var group in servers.Operations)
            {
                writer.Line();
                WriteOperations(writer, group);
            }
        }

        return writer.ToSourceText();
    }

    private static void WriteServer(SourceWriter writer, ServerModel server)
    {
        writer.DocElement("summary", server.Description ?? server.Url);
        if (server.BuilderName is not null)
        {
            writer.DocElement("remarks", $"<c>{SourceWriter.EscapeXml(server.Url)}</c> with each variable's default; <see cref=\"{server.BuilderName}\"/> fills them in.", raw: true);
        }

        writer.Line($"public const string {server.Name} = {SourceWriter.Literal(server.DefaultUrl)};");
        if (server.BuilderName is null)
        {
            return;
        }

        writer.Line();
        writer.DocElement("summary", $"The address of <see cref=\"{server.Name}\"/> with the variables given; each one left out is its default.", raw: true);
        foreach (var variable in server.Variables)
        {
            var allowed = variable.Allowed.Count == 0 ? string.Empty : " One of " + string.Join(", ", variable.Allowed.Select(value => "<c>" + SourceWriter.EscapeXml(value) + "</c>")) + ".";
            writer.DocElement("param", (variable.Description is null ? $"<c>{{{SourceWriter.EscapeXml(variable.Name)}}}</c>." : SourceWriter.EscapeXml(variable.Description)) + allowed, $"name=\"{Naming.Identifiers.Unescaped(variable.ParameterName)}\"", raw: true);
        }

        writer.DocElement("exception", "A variable is null, or not one of the values its enum lists.", $"cref=\"{ArgumentException}\"");
        var parameters = string.Join(", ", server.Variables.Select(variable => $"string {variable.ParameterName} = {SourceWriter.Literal(variable.Default)}"));
        writer.Line($"public static string {server.BuilderName}({parameters})");
        using (writer.OpenBlock())
        {
            writer.Separated(server.Variables, variable => WriteCheck(writer, variable));
            writer.Line();
            var parameterOf = server.Variables.ToDictionary(variable => variable.Name, variable => variable.ParameterName, System.StringComparer.Ordinal);
            writer.Line("return " + string.Join(" + ", server.Segments.Select(segment => segment.IsParameter ? parameterOf[segment.Text] : SourceWriter.Literal(segment.Text))) + ";");
        }
    }

    private static void WriteCheck(SourceWriter writer, ServerVariableModel variable)
    {
        if (variable.Allowed.Count == 0)
        {
            writer.Line($"if ({variable.ParameterName} is null)");
            using (writer.OpenBlock())
            {
                writer.Line($"throw new {ArgumentNullException}(nameof({variable.ParameterName}));");
            }

            return;
        }

        var message = $"The server variable '{variable.Name}' takes one of: {string.Join(", ", variable.Allowed)}.";
        writer.Line($"if ({variable.ParameterName} is not ({string.Join(" or ", variable.Allowed.Select(SourceWriter.Literal))}))");
        using (writer.OpenBlock())
        {
            writer.Line($"throw new {ArgumentException}({SourceWriter.Literal(message)}, nameof({variable.ParameterName}));");
        }
    }

    private static void WriteOperations(SourceWriter writer, OperationServersModel group)
    {
        writer.DocElement("summary", $"The servers the operations of <see cref=\"{group.InterfaceName}\"/> below declare for themselves. Their client sends every operation to its HttpClient's BaseAddress: give these operations a client of their own, whose BaseAddress is the constant.", raw: true);
        writer.Line($"public static class {group.ClassName}");
        using (writer.OpenBlock())
        {
            writer.Separated(group.Operations, operation =>
            {
                writer.DocElement("summary", $"The server of <see cref=\"{group.InterfaceName}.{operation.MethodName}\"/> ({operation.HttpMethod} {SourceWriter.EscapeXml(operation.Path)}), with its variables' defaults.", raw: true);
                if (operation.Servers.Count > 1)
                {
                    writer.DocElement("remarks", "It also declares " + string.Join(", ", operation.Servers.Skip(1).Select(server => "<c>" + SourceWriter.EscapeXml(server.DefaultUrl) + "</c>")) + ".", raw: true);
                }

                writer.Line($"public const string {operation.ConstantName} = {SourceWriter.Literal(operation.Servers[0].DefaultUrl)};");
            });
        }
    }
}
