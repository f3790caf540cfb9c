using System.Linq;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes, for each interface with paged operations (<c>x-paging</c>), a static class of extension methods: one
/// streaming companion per paged operation, an <c>IAsyncEnumerable</c> of its records. Being extensions, they work
/// over any implementation of the interface: the generated client, Refit's, or a test double.
/// </summary>
internal static class PagingEmitter
{
    private const string Paging = ClientSupportSources.Namespace + "Paging";

    public static Microsoft.CodeAnalysis.Text.SourceText Emit(DocumentModel document)
    {
        var writer = FileHeader.Start(document);
        writer.Separated(document.Interfaces.Where(api => api.PagingClassName is not null), api =>
        {
            writer.DocElement("summary", $"Every record of the paged operations of <see cref=\"{api.Name}\"/>, page after page, as an <see cref=\"global::System.Collections.Generic.IAsyncEnumerable{{T}}\"/>.", raw: true);
            writer.Line(FileHeader.GeneratedCodeAttribute);
            writer.Line($"{document.Options.Accessibility} static partial class {api.PagingClassName}");
            using (writer.OpenBlock())
            {
                writer.Separated(api.Operations.Where(operation => operation.Paging is not null), operation => WriteCompanion(writer, api, operation, operation.Paging!, document.Options));
            }
        });

        return writer.ToSourceText();
    }

    private static void WriteCompanion(SourceWriter writer, ApiInterfaceModel api, OperationModel operation, PagingModel paging, GeneratorOptions options)
    {
        var kept = operation.Parameters.Where(parameter => parameter.Name != paging.OffsetParameter && parameter.Name != paging.PageSizeParameter).ToList();
        var page = MethodSignature.ContentType(operation.Response)!;
        var record = TypeNames.Value(paging.RecordType);
        var offsetWire = operation.Parameters.First(parameter => parameter.Name == paging.OffsetParameter).WireName;
        var sizeWire = operation.Parameters.First(parameter => parameter.Name == paging.PageSizeParameter).WireName;

        writer.DocElement("summary", $"Every record of <see cref=\"{api.Name}.{operation.Name}\"/>, page after page: {SourceWriter.EscapeXml(operation.Summary ?? operation.HttpMethod + " " + operation.Path)}", raw: true);
        writer.DocElement("remarks", SourceWriter.EscapeXml(
            $"Each page is asked for with '{sizeWire}' set to the page size and '{offsetWire}' to the number of records read so far, and its records are yielded as it is read; "
            + "a page is let go before the next is asked for. It stops on an empty page, "
            + (paging.TotalMember is null ? "or on a page shorter than asked for." : $"or once the records read reach the answer's {paging.TotalMember} (a shorter page before that is read past: the server may cap its pages); without a {paging.TotalMember}, on a page shorter than asked for.")
            + " Nothing is sent until the enumeration starts, and each enumeration starts from the first record. An error answer ends the enumeration with the exception the operation throws."), raw: true);
        writer.DocElement("param", "The client the pages are asked from.", $"name=\"{Identifiers.Unescaped(paging.ClientArgument)}\"");
        MethodSignature.WriteParameterDocumentation(writer, kept);
        var bounds = paging.MaxPageSize is { } max ? $"from 1 to {max}" : "from 1";
        writer.DocElement("param", $"How many records each request asks for, {bounds}; {paging.DefaultPageSize} unless given.", $"name=\"{Identifiers.Unescaped(paging.PageSizeArgument)}\"");
        writer.DocElement("param", "Cancels the request in flight and the enumeration (as does the enumerator's own token).", "name=\"cancellationToken\"");
        writer.DocElement("returns", "The records, in the order the pages hold them.");
        writer.DocElement("exception", $"<paramref name=\"{Identifiers.Unescaped(paging.PageSizeArgument)}\"/> is not {bounds}.", "cref=\"global::System.ArgumentOutOfRangeException\"", raw: true);

        var declarations = new[] { $"this {api.Name} {paging.ClientArgument}" }
            .Concat(MethodSignature.Declarations(kept, withRefitAttributes: false))
            .Append($"int {paging.PageSizeArgument} = {paging.DefaultPageSize}")
            .Append(MethodSignature.CancellationTokenParameter);
        writer.Line($"public static global::System.Collections.Generic.IAsyncEnumerable<{record}> {paging.MethodName}({string.Join(", ", declarations)})");
        using (writer.OpenBlock())
        {
            writer.Line($"global::System.ArgumentNullException.ThrowIfNull({paging.ClientArgument});");
            writer.Line($"{Paging}.CheckPageSize({paging.PageSizeArgument}, {(paging.MaxPageSize is { } limit ? limit.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")}, nameof({paging.PageSizeArgument}));");
            var arguments = string.Join(", ", operation.Parameters.Select(parameter => $"{parameter.Name}: {Argument(parameter, paging)}").Append("cancellationToken: __cancellationToken"));
            var call = $"{paging.ClientArgument}.{operation.Name}({arguments})";
            var fetch = options.UseApiResponse
                ? $"async (__offset, __size, __cancellationToken) => {Paging}.ContentOf(await {call}.ConfigureAwait(false))"
                : $"(__offset, __size, __cancellationToken) => {call}";
            var total = paging.TotalMember is { } member ? $"static __page => __page.{member}" : "static __page => null";
            writer.Line($"return {Paging}.ReadAllAsync<{page}, {record}>(");
            writer.Line($"    {fetch},");
            writer.Line($"    static __page => __page.{paging.RecordsMember},");
            writer.Line($"    {total},");
            writer.Line($"    {paging.PageSizeArgument},");
            writer.Line("    cancellationToken);");
        }
    }

    private static string Argument(ParameterModel parameter, PagingModel paging) =>
        parameter.Name == paging.OffsetParameter ? "__offset"
        : parameter.Name != paging.PageSizeParameter ? parameter.Name
        : paging.PageSizeAsText ? ClientSupportSources.WireText + ".Format(__size)"
        : "__size";
}
