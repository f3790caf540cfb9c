using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Diagnostics;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;
using NSwag;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Maps the servers of a document, and those its kept operations (or their paths) declare for themselves, to
/// <see cref="ServersModel"/>. A server whose URL cannot be filled in (a variable without a default, a default its
/// enum does not list, a placeholder no variable declares) is CRDV100 and left out; an operation with servers of its
/// own is CRDV106, since its client still calls the one base address of its HttpClient.
/// </summary>
internal static class ServerMapper
{
    private const string ClassName = "ApiServers";
    private const string DefaultMember = "Default";

    /// <summary>A description names its server when its first phrase (up to these characters) has at most three words.</summary>
    private static readonly char[] PhraseEnd = { '(', '.', ',', ':', ';', '-' };
    private const int MaxNameWords = 3;

    public static ServersModel? Map(OpenApiDocument document, EquatableArray<ApiInterfaceModel> interfaces, UniqueNameScope typeNames, DiagnosticSink diagnostics)
    {
        var declared = interfaces
            .Select(api => (Api: api, Operations: api.Operations.Select(operation => (Operation: operation, Servers: DeclaredServers(document, operation))).Where(pair => pair.Servers.Pointer is not null).ToList()))
            .Where(group => group.Operations.Count > 0)
            .ToList();
        var documentServers = document.Servers ?? new List<OpenApiServer>();
        if (documentServers.Count == 0 && declared.Count == 0)
        {
            return null;
        }

        var className = typeNames.Claim(ClassName);
        var members = new UniqueNameScope(className, DefaultMember);
        var servers = MapServers(documentServers, "/servers", members, diagnostics);
        var groups = new List<OperationServersModel>();
        foreach (var (api, operations) in declared)
        {
            var groupName = members.Claim(api.Name.Substring(1));
            var constants = new UniqueNameScope(groupName);
            var mapped = new List<OperationServerModel>();
            foreach (var (operation, (pointer, list)) in operations)
            {
                var constant = constants.Claim(operation.Name);
                var operationServers = MapServers(list!, pointer!, new UniqueNameScope(), diagnostics);
                var operationName = $"Operation {operation.HttpMethod} {operation.Path}";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OperationServers, diagnostics.Locator.OfPointer(pointer!), operationName, diagnostics.FilePath, $"{className}.{groupName}.{constant}"));
                if (operationServers.Count > 0)
                {
                    mapped.Add(new OperationServerModel(constant, operation.Name, operation.HttpMethod, operation.Path, operationServers));
                }
            }

            if (mapped.Count > 0)
            {
                groups.Add(new OperationServersModel(groupName, api.Name, mapped.ToEquatableArray()));
            }
        }

        return new ServersModel(className, servers, groups.ToEquatableArray());
    }

    /// <summary>The servers an operation declares, or else its path does, with the pointer to them; no pointer when neither does.</summary>
    private static (string? Pointer, ICollection<OpenApiServer>? Servers) DeclaredServers(OpenApiDocument document, OperationModel operation)
    {
        if (!document.Paths.TryGetValue(operation.Path, out var pathItem))
        {
            return (null, null);
        }

        var pathPointer = "/paths/" + SourceLocator.EscapeSegment(operation.Path);
        var entry = pathItem.FirstOrDefault(candidate => string.Equals(candidate.Key, operation.HttpMethod, StringComparison.OrdinalIgnoreCase));
        return entry.Value?.Servers is { Count: > 0 } own ? (pathPointer + "/" + entry.Key + "/servers", own)
            : pathItem.Servers is { Count: > 0 } shared ? (pathPointer + "/servers", shared)
            : (null, null);
    }

    private static EquatableArray<ServerModel> MapServers(ICollection<OpenApiServer> servers, string pointer, UniqueNameScope members, DiagnosticSink diagnostics) =>
        servers.Select((server, index) => MapServer(server, index, pointer + "/" + index, members, diagnostics)).OfType<ServerModel>().ToEquatableArray();

    private static ServerModel? MapServer(OpenApiServer? server, int index, string pointer, UniqueNameScope members, DiagnosticSink diagnostics)
    {
        var url = server?.Url?.Trim() ?? string.Empty;
        var construct = $"Server '{url}'";
        if (url.Length == 0)
        {
            diagnostics.Unsupported("A server", pointer, "it has no URL");
            return null;
        }

        var segments = OperationMapper.SegmentsOf(url);
        var declared = server!.Variables ?? new Dictionary<string, OpenApiServerVariable>();
        var parameterNames = new UniqueNameScope();
        var variables = new List<ServerVariableModel>();
        foreach (var name in segments.Where(segment => segment.IsParameter).Select(segment => segment.Text).Distinct(StringComparer.Ordinal))
        {
            var reason = !declared.TryGetValue(name, out var variable) || variable is null ? $"its URL uses {{{name}}}, which its variables do not declare"
                : variable.Default is null ? $"its variable '{name}' has no default"
                : variable.Enum is { Count: > 0 } allowed && !allowed.Contains(variable.Default) ? $"the default of its variable '{name}' is not one of its enum values"
                : null;
            if (reason is not null)
            {
                diagnostics.Unsupported(construct, pointer, reason);
                return null;
            }

            variables.Add(new ServerVariableModel(
                name,
                parameterNames.Claim(Identifiers.ToCamelCase(name)),
                variable!.Default!,
                (variable.Enum ?? new List<string>()).Where(value => value is not null).Distinct(StringComparer.Ordinal).ToEquatableArray(),
                OperationMapper.Trimmed(variable.Description)));
        }

        var defaults = variables.ToDictionary(variable => variable.Name, variable => variable.Default, StringComparer.Ordinal);
        var defaultUrl = string.Concat(segments.Select(segment => segment.IsParameter ? defaults[segment.Text] : segment.Text));
        var memberName = members.Claim(NameFrom(server.Description) ?? "Server" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ServerModel(
            memberName,
            url,
            defaultUrl,
            OperationMapper.Trimmed(server.Description),
            segments,
            variables.Count > 0 ? members.Claim(memberName + "With") : null,
            variables.ToEquatableArray());
    }

    /// <summary>A short description's first phrase as a name ("Production.", "Sandbox (its keys differ)"); null for a long one.</summary>
    private static string? NameFrom(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return null;
        }

        var end = description!.IndexOfAny(PhraseEnd);
        var phrase = (end < 0 ? description : description.Substring(0, end)).Trim();
        var words = phrase.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Length;
        return words is > 0 and <= MaxNameWords ? Identifiers.ToPascalCase(phrase) : null;
    }
}
