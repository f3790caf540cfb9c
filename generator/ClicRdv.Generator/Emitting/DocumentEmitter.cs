using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace ClicRdv.Generator.Emitting;

/// <summary>Every source generated for one document: its contracts (with their condition factories), its JSON metadata, its interfaces, its clients, their paging companions and its servers (unless it asks for contracts only).</summary>
internal static class DocumentEmitter
{
    public static IReadOnlyList<(string HintName, SourceText Text)> Emit(DocumentModel document)
    {
        var json = JsonTypeCatalog.For(document);
        IEnumerable<(string, SourceText)> contracts = new[]
        {
            (document.HintName + ".Contracts.g.cs", ContractEmitter.Emit(document)),
            (document.HintName + ".Json.g.cs", JsonContextEmitter.Emit(document, json)),
        };
        if (document.Conditions.Count > 0)
        {
            contracts = contracts.Append((document.HintName + ".Conditions.g.cs", ConditionEmitter.Emit(document)));
        }

        if (document.Options.Generate == GeneratedParts.Contracts)
        {
            return contracts.ToList();
        }

        var clients = contracts.Concat(new[]
        {
            (document.HintName + ".Interfaces.g.cs", InterfaceEmitter.Emit(document)),
            (document.HintName + ".Clients.g.cs", ClientEmitter.Emit(document, json)),
        });
        if (document.Interfaces.Any(api => api.PagingClassName is not null))
        {
            clients = clients.Append((document.HintName + ".Paging.g.cs", PagingEmitter.Emit(document)));
        }

        return (document.Servers is { } servers ? clients.Append((document.HintName + ".Servers.g.cs", ServersEmitter.Emit(document, servers))) : clients).ToList();
    }
}
