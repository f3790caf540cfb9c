using System.Linq;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes an operation's table from error status to contract (<c>ClicRdv.Generated.Support.ErrorTable</c>): a static
/// lambda, so that it costs no allocation per call, switching on the status in the order the document's keys are
/// looked up (codes, ranges, <c>default</c>), each arm naming the contract's metadata on the client's context.
/// </summary>
internal static class ErrorTableEmitter
{
    private const string ErrorTable = ClientSupportSources.Namespace + "ErrorTable";
    private const string ErrorContract = ClientSupportSources.Namespace + "ErrorContract";

    /// <summary>Declares the local <paramref name="table"/> holding the table; <paramref name="status"/> and <paramref name="json"/> name its lambda's parameters.</summary>
    /// <param name="context">The document's context class, fully qualified.</param>
    public static void Write(SourceWriter writer, OperationModel operation, JsonTypeCatalog catalog, string context, string table, string status, string json)
    {
        writer.Line($"{ErrorTable} {table} = static ({status}, {json}) => {status} switch");
        using (writer.OpenBlock("};"))
        {
            foreach (var error in operation.Errors)
            {
                var contract = error.Type is null ? "null" : $"{ErrorContract}.Of((({context}?){json})?.{catalog.PropertyFor(error.Type, isParameter: false)})";
                writer.Line($"{Pattern(error)} => {contract},");
            }

            if (operation.Errors.All(error => error.Status != ErrorAnswerModel.Default))
            {
                writer.Line("_ => null,");
            }
        }
    }

    private static string Pattern(ErrorAnswerModel error)
    {
        if (error.Status == ErrorAnswerModel.Default)
        {
            return "_";
        }

        if (error.IsRange)
        {
            var first = (error.Status[0] - '0') * 100;
            return $">= {first} and <= {first + 99}";
        }

        return error.Status;
    }
}
