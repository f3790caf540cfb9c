using System.Text.Json.Nodes;
using ClicRdv.Emulator.Data;

namespace ClicRdv.Emulator.Endpoints;

/// <summary>
/// ClicRDV lists a deleted customer with <c>$</c> before its last name (the fiche page says so, and the migclic scripts
/// met it); read alone, the record keeps its name.
/// </summary>
internal static class DeletedCustomers
{
    private const string Mark = "$";

    public static JsonObject AsListed(JsonObject fiche)
    {
        if (fiche.Flag("deleted") && fiche.Text("lastname") is { } lastname && !lastname.StartsWith(Mark, System.StringComparison.Ordinal))
        {
            fiche["lastname"] = Mark + lastname;
        }

        return fiche;
    }
}
