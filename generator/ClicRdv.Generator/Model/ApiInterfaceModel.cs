using ClicRdv.Generated.Support;

namespace ClicRdv.Generator.Model;

/// <summary>One Refit interface (one per tag) and the client class that implements it.</summary>
/// <param name="Name">The interface name, <c>I{Tag}Api</c>.</param>
/// <param name="ClientName">The implementing class, <c>{Tag}ApiClient</c>.</param>
/// <param name="PagingClassName">The static class of the streaming companions of its paged operations (<c>{Tag}ApiPaging</c>), or null when none is paged.</param>
internal sealed record ApiInterfaceModel(string Name, string ClientName, string? Documentation, EquatableArray<OperationModel> Operations, string? PagingClassName = null);

/// <param name="Name">The C# method name, unique in its interface.</param>
/// <param name="HttpMethod">The HTTP verb in upper case.</param>
/// <param name="Path">The path template as the document writes it, with wire names in braces.</param>
/// <param name="PathSegments">The path template cut into literal text and parameter placeholders, in order.</param>
/// <param name="Errors">
/// The error answers the document describes, in the order a status is looked up: exact codes, then ranges
/// (<c>4XX</c>), then <c>default</c>; empty when none has a JSON body.
/// </param>
/// <param name="AcceptsBearerToken">
/// Whether a bearer token from <c>RefitSettings.AuthorizationHeaderValueGetter</c> goes with the request: the
/// operation's security names an HTTP bearer, OAuth2 or OpenID Connect scheme, or the document declares none.
/// </param>
/// <param name="Paging">The operation's streaming companion, when <c>x-paging</c> applies to it.</param>
internal sealed record OperationModel(
    string Name,
    string HttpMethod,
    string Path,
    EquatableArray<PathSegmentModel> PathSegments,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    EquatableArray<ParameterModel> Parameters,
    ResponseModel Response,
    EquatableArray<ErrorAnswerModel> Errors,
    bool AcceptsBearerToken,
    PagingModel? Paging = null);

/// <summary>A piece of a path template: literal text, or the wire name of a path parameter.</summary>
internal sealed record PathSegmentModel(string Text, bool IsParameter);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
    Body,

    /// <summary>One part of a <c>multipart/form-data</c> body, named after its field; <see cref="ParameterModel.BodyEncoding"/> says how it is written.</summary>
    FormPart,
}

/// <summary>How a request body, or a part of a multipart one, is written.</summary>
internal enum BodyEncoding
{
    None,
    Json,
    FormUrlEncoded,
    Text,

    /// <summary>Bytes: a stream for a body, a file (<c>Refit.MultipartItem</c>) for a part.</summary>
    Stream,
    RawContent,
}

/// <summary>How a collection in the query is written (OpenAPI <c>style</c> and <c>explode</c>).</summary>
internal enum CollectionStyle
{
    /// <summary>One <c>key=value</c> pair per item.</summary>
    Multi,
    Csv,
    Ssv,
    Pipes,

    /// <summary><c>name[field]=value</c> for an object; <c>name[0][field]=value</c>... for an array of objects.</summary>
    DeepObject,
}

/// <param name="Name">The C# parameter name (camelCase, escaped if a keyword).</param>
/// <param name="WireName">The name on the wire (query key, header name, path placeholder).</param>
/// <param name="MediaType">The body's media type, for body parameters; for a form part, the content type its <c>encoding</c> names, if any.</param>
/// <param name="Fields">The fields of an object written field by field: a form-encoded body, or a deepObject query parameter.</param>
/// <param name="Default">The schema's <c>default</c>: what the server assumes when an optional parameter is not sent.</param>
internal sealed record ParameterModel(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Documentation,
    CollectionStyle CollectionStyle,
    BodyEncoding BodyEncoding,
    string? MediaType,
    EquatableArray<PropertyModel> Fields,
    DefaultValueModel? Default = null);

/// <param name="MediaType">The media type the document declares, sent as <c>Accept</c>.</param>
/// <param name="Envelope">The member an <c>x-unwrap</c> answer holds its one record in; <see cref="Type"/> is the record's.</param>
internal sealed record ResponseModel(ResponseContent Kind, TypeRef? Type, string? MediaType, string? Documentation, string? Envelope = null)
{
    public static readonly ResponseModel None = new(ResponseContent.None, null, null, null);
}

/// <summary>An error answer the document describes: the statuses it covers and the contract its body reads as.</summary>
/// <param name="Status">A status code (<c>404</c>), a range (<c>4XX</c>, upper case) or <c>default</c>.</param>
/// <param name="Type">
/// The contract of its JSON body; null when the document declares the status without one, so that it stays a plain
/// <c>ApiException</c> rather than falling through to a range or <c>default</c>.
/// </param>
internal sealed record ErrorAnswerModel(string Status, TypeRef? Type)
{
    public const string Default = "default";

    /// <summary>Whether <see cref="Status"/> is a range such as <c>4XX</c>.</summary>
    public bool IsRange => Status.Length == 3 && Status.EndsWith("XX", System.StringComparison.Ordinal);
}
