namespace ClicRdv.Generator.Model;

/// <summary>
/// The streaming companion of a paged list operation (<c>x-paging</c>): an <c>IAsyncEnumerable</c> of its records
/// that asks for one page after the other, each at the offset the records so far reach.
/// </summary>
/// <param name="MethodName">The companion's name, <c>{Method}AllAsync</c>, unique among the interface's methods.</param>
/// <param name="ClientArgument">The companion's <c>this</c> parameter, the client, named unlike the operation's parameters.</param>
/// <param name="OffsetParameter">The C# name of the operation's parameter that takes the offset of a page's first record.</param>
/// <param name="PageSizeParameter">The C# name of the operation's parameter that takes the page size.</param>
/// <param name="PageSizeAsText">Whether the page size parameter is a string, so the size is written as its digits.</param>
/// <param name="PageSizeArgument">The companion's own page size parameter, an <c>int</c>.</param>
/// <param name="RecordsMember">The C# property of the answer that holds a page's records.</param>
/// <param name="RecordType">The type of one record.</param>
/// <param name="TotalMember">The C# property of the answer that counts the records across pages, if the document names one.</param>
/// <param name="DefaultPageSize">The page size the companion asks for unless told otherwise.</param>
/// <param name="MaxPageSize">The largest page size the API takes, if the document says.</param>
internal sealed record PagingModel(
    string MethodName,
    string ClientArgument,
    string OffsetParameter,
    string PageSizeParameter,
    bool PageSizeAsText,
    string PageSizeArgument,
    string RecordsMember,
    TypeRef RecordType,
    string? TotalMember,
    int DefaultPageSize,
    int? MaxPageSize);
