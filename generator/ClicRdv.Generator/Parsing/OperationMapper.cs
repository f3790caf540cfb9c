using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ClicRdv.Generated.Support;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;
using NJsonSchema;
using NSwag;

namespace ClicRdv.Generator.Parsing;

/// <summary>Maps the document's operations to interfaces (one per tag), methods, parameters and responses.</summary>
internal sealed class OperationMapper
{
    private const string CancellationTokenName = "cancellationToken";

    private static readonly string[] SupportedMethods = { "get", "post", "put", "delete", "patch", "head", "options" };

    private static readonly TypeRef StreamType = new(TypeKind.Binary, "global::System.IO.Stream", null, IsValueType: false, IsNullable: false);

    /// <summary>A file of a multipart form: Refit's <c>StreamPart</c>, <c>ByteArrayPart</c> or <c>FileInfoPart</c>, each with its file name and content type.</summary>
    private static readonly TypeRef FilePartType = new(TypeKind.Binary, "global::Refit.MultipartItem", null, IsValueType: false, IsNullable: false);

    private static readonly Regex PathPlaceholder = new(@"\{([^{}]+)\}", RegexOptions.CultureInvariant);

    private readonly SchemaMapper _schemas;
    private readonly DiagnosticSink _diagnostics;
    private readonly UniqueNameScope _typeNames;
    private readonly PartEncodings _encodings;
    private readonly PagedOperations _paging;
    private readonly List<JsonSchema> _answerSchemas = new();

    /// <summary>The generated class of binary answers, named when the first one is met.</summary>
    private TypeRef? _fileResponse;

    public OperationMapper(SchemaMapper schemas, DiagnosticSink diagnostics, UniqueNameScope typeNames, PagedOperations paging)
    {
        _schemas = schemas;
        _paging = paging;
        _diagnostics = diagnostics;
        _typeNames = typeNames;
        _encodings = new PartEncodings(diagnostics.Text);
    }

    /// <summary>The schemas of every answer of the operations mapped (errors included), which the contracts they name are reachable from.</summary>
    public IReadOnlyList<JsonSchema> AnswerSchemas => _answerSchemas;

    /// <summary>The interfaces of the operations <paramref name="selection"/> keeps; the others are not even read.</summary>
    public EquatableArray<ApiInterfaceModel> MapInterfaces(OpenApiDocument document, string defaultTag, OperationSelection selection)
    {
        var builders = new Dictionary<string, InterfaceBuilder>(StringComparer.Ordinal);
        var bearerTokens = new BearerTokens(document);
        foreach (var pathItem in document.Paths)
        {
            foreach (var entry in pathItem.Value)
            {
                if (!selection.Keeps(pathItem.Key, entry.Value.Tags))
                {
                    continue;
                }

                var method = entry.Key.ToLowerInvariant();
                var pointer = "/paths/" + SourceLocator.EscapeSegment(pathItem.Key) + "/" + entry.Key;
                if (Array.IndexOf(SupportedMethods, method) < 0)
                {
                    _diagnostics.Unsupported($"Operation {method.ToUpperInvariant()} {pathItem.Key}", pointer, "Refit has no attribute for this HTTP method");
                    continue;
                }

                var tag = entry.Value.Tags?.FirstOrDefault(name => !string.IsNullOrWhiteSpace(name));
                var key = tag is null ? defaultTag : Identifiers.ToPascalCase(tag);
                if (!builders.TryGetValue(key, out var builder))
                {
                    builder = new InterfaceBuilder(
                        _typeNames.Claim("I" + key + "Api"),
                        _typeNames.Claim(key + "ApiClient"),
                        document.Tags?.FirstOrDefault(candidate => candidate is not null && candidate.Name == tag)?.Description);
                    builders.Add(key, builder);
                }

                _answerSchemas.AddRange(entry.Value.ActualResponses.Values
                    .SelectMany(response => response?.ActualResponse?.Content.Values ?? Enumerable.Empty<OpenApiMediaType>())
                    .Select(content => content?.Schema)
                    .OfType<JsonSchema>());
                builder.Operations.AddRange(MapOperation(pathItem.Key, method, entry.Value, pointer, builder, bearerTokens.AcceptedBy(entry.Value)));
            }
        }

        return builders.Values
            .Select(builder => new ApiInterfaceModel(builder.Name, builder.ClientName, Trimmed(builder.Documentation), builder.Operations.ToEquatableArray()))
            .OrderBy(model => model.Name, StringComparer.Ordinal)
            .ToEquatableArray();
    }

    /// <summary>
    /// The operation's method, then one more for each other media type its answer is offered in
    /// (<c>GetReportAsCsv</c>), each asking for its media type. The first may get a paging companion (see <see cref="PagedOperations"/>).
    /// </summary>
    private IEnumerable<OperationModel> MapOperation(string path, string method, OpenApiOperation operation, string pointer, InterfaceBuilder api, bool acceptsBearerToken)
    {
        var methodNames = api.MethodNames;
        var name = methodNames.Claim(string.IsNullOrWhiteSpace(operation.OperationId)
            ? NameFromRoute(method, path)
            : Identifiers.ToPascalCase(operation.OperationId));
        var parameterNames = new UniqueNameScope(CancellationTokenName);
        var parameters = new List<ParameterModel>();
        var operationName = $"{method.ToUpperInvariant()} {path}";

        // NSwag also lists the request body as a parameter; it is mapped from the request body below.
        foreach (var declared in operation.ActualParameters.Where(declared => declared.ActualParameter.Kind != OpenApiParameterKind.Body))
        {
            var parameter = declared.ActualParameter;
            var mapped = MapParameter(parameter, name, operationName, pointer, parameterNames);
            if (mapped is not null)
            {
                parameters.Add(mapped);
            }
        }

        var placeholders = PathPlaceholder.Matches(path).Cast<Match>().Select(match => match.Groups[1].Value).ToList();
        foreach (var placeholder in placeholders)
        {
            if (!parameters.Any(parameter => parameter.Location == ParameterLocation.Path && parameter.WireName == placeholder))
            {
                // Without a parameter the request would go out with a literal "{name}" in its path.
                _diagnostics.Unsupported($"Path segment '{{{placeholder}}}' of {operationName}", pointer, "it has no matching path parameter", "a required string parameter was added for it");
                parameters.Add(SimpleParameter(parameterNames.Claim(Identifiers.ToCamelCase(placeholder)), placeholder, ParameterLocation.Path, TypeRef.String, true, null, CollectionStyle.Csv));
            }
        }

        parameters.AddRange(MapBody(operation.ActualRequestBody, name, operationName, pointer, parameterNames));

        var ordered = parameters
            .OrderBy(parameter => parameter.Location == ParameterLocation.Path ? 0 : parameter.IsRequired ? 1 : 2)
            .ThenBy(parameter => parameter.Location == ParameterLocation.Path ? placeholders.IndexOf(parameter.WireName) : 0)
            .ToEquatableArray();

        var responses = MapResponses(operation, name, operationName, pointer);
        var main = new OperationModel(
            name,
            method.ToUpperInvariant(),
            path,
            SegmentsOf(path),
            Trimmed(operation.Summary),
            Trimmed(operation.Description),
            operation.IsDeprecated,
            ordered,
            responses[0],
            ErrorAnswers.Map(operation, _schemas, name),
            acceptsBearerToken);
        _paging.Consider(api.Name, methodNames, main, operation, pointer, operationName);
        return responses.Select((response, index) => index == 0
            ? main
            : main with { Name = methodNames.Claim(name + "As" + Identifiers.ToPascalCase(SubtypeOf(response.MediaType!), "Any")), Response = response })
            .ToList();
    }

    private ParameterModel? MapParameter(OpenApiParameter parameter, string methodName, string operationName, string pointer, UniqueNameScope names)
    {
        var location = parameter.Kind switch
        {
            OpenApiParameterKind.Path => ParameterLocation.Path,
            OpenApiParameterKind.Query => ParameterLocation.Query,
            OpenApiParameterKind.Header => ParameterLocation.Header,
            OpenApiParameterKind.Cookie => ParameterLocation.Cookie,
            _ => (ParameterLocation?)null,
        };
        var description = $"Parameter '{parameter.Name}' ({parameter.Kind.ToString().ToLowerInvariant()}) of {operationName}";
        if (location is null || string.IsNullOrEmpty(parameter.Name))
        {
            _diagnostics.Unsupported(description, pointer, "only path, query, header and cookie parameters are supported");
            return null;
        }

        var schema = parameter.Schema ?? parameter;
        var type = parameter.Schema is null && parameter.Type == JsonObjectType.None
            ? TypeRef.String
            : _schemas.Map(schema, methodName + Identifiers.ToPascalCase(parameter.Name));
        var style = CollectionStyleOf(parameter, location.Value);
        if (style == CollectionStyle.DeepObject && WritesObjects(schema, type))
        {
            ReportUnwritableFields(type, $"Field of parameter '{parameter.Name}' of {operationName}", pointer, inForm: false);
        }
        else if (style == CollectionStyle.DeepObject)
        {
            _diagnostics.Unsupported(description, pointer, "the deepObject style needs an object, or an array of objects");
            return null;
        }
        else if (!IsWritableInUrl(type))
        {
            _diagnostics.Unsupported(description, pointer, "an object-valued parameter cannot be written to a URL, a header or a cookie");
            return null;
        }

        var isRequired = parameter.IsRequired || location == ParameterLocation.Path;
        if (location == ParameterLocation.Path)
        {
            type = type.AsNullable(false);
        }

        return new ParameterModel(
            names.Claim(Identifiers.ToCamelCase(parameter.Name)),
            parameter.Name,
            location.Value,
            isRequired ? type : type.AsNullable(),
            isRequired,
            Trimmed(parameter.Description),
            style,
            BodyEncoding.None,
            null,
            EquatableArray<PropertyModel>.Empty,
            MemberDefaults.Of(schema));
    }

    /// <summary>The body as one parameter, or as one parameter per part for a multipart form.</summary>
    private IEnumerable<ParameterModel> MapBody(OpenApiRequestBody? body, string methodName, string operationName, string pointer, UniqueNameScope names)
    {
        if (body is null || body.Content.Count == 0)
        {
            return Array.Empty<ParameterModel>();
        }

        var (mediaType, content) = PickRequestContent(body.Content);
        var schema = content?.Schema;
        if (IsMediaType(mediaType, "multipart/form-data") && !SchemaMapper.IsBinary(schema))
        {
            var form = schema is null ? null : SchemaMapper.Dereference(schema);
            if (form is not null && ObjectMembers.Collect(form, requiredByParent: null) is { Count: > 0 } members)
            {
                return MapFormParts(members, form, content!, body.IsRequired, methodName, operationName, pointer, mediaType, names);
            }

            _diagnostics.BodyNotAsDescribed($"The {mediaType} body of {operationName}", pointer, "its schema has no properties to make parameters of, so the method takes an HttpContent you build");
        }

        var encoding = EncodingOf(mediaType, schema);
        TypeRef type;
        switch (encoding)
        {
            case BodyEncoding.Json:
                type = _schemas.Map(schema, methodName + "Request");
                break;
            case BodyEncoding.FormUrlEncoded when schema is not null && _schemas.Map(schema, methodName + "Request") is { Kind: TypeKind.Contract } contract:
                type = contract;
                ReportUnwritableFields(contract, $"Form field of {operationName}", pointer, inForm: true);
                break;
            case BodyEncoding.Text:
                type = TypeRef.String;
                break;
            case BodyEncoding.Stream:
                type = StreamType;
                break;
            default:
                encoding = BodyEncoding.RawContent;
                type = TypeRef.Primitive("global::System.Net.Http.HttpContent", isValueType: false);
                break;
        }

        var name = names.Claim(Identifiers.ToCamelCase(string.IsNullOrWhiteSpace(body.Name) ? "body" : body.Name));
        return new[]
        {
            new ParameterModel(
                name,
                name,
                ParameterLocation.Body,
                body.IsRequired ? type : type.AsNullable(),
                body.IsRequired,
                Trimmed(body.Description),
                CollectionStyle.Multi,
                encoding,
                mediaType,
                EquatableArray<PropertyModel>.Empty),
        };
    }

    /// <summary>
    /// A <c>multipart/form-data</c> body as one parameter per field of its schema (readOnly fields left out), so that
    /// a file is an argument with its file name and content type: binary fields are files, scalars (base64 for
    /// <c>format: byte</c>) and arrays of scalars are text parts, anything else is a JSON part. A part's
    /// <c>encoding</c> content type is its default.
    /// </summary>
    private List<ParameterModel> MapFormParts(
        List<KeyValuePair<string, (JsonSchema Schema, bool IsRequired)>> members, JsonSchema form, OpenApiMediaType content, bool bodyIsRequired, string methodName, string operationName, string pointer, string mediaType, UniqueNameScope names)
    {
        var encodings = content.Encoding ?? new Dictionary<string, OpenApiEncoding>();
        foreach (var encoding in encodings.Where(encoding => members.All(member => member.Key != encoding.Key)))
        {
            _diagnostics.BodyNotAsDescribed($"The encoding of form field '{encoding.Key}' of {operationName}", pointer, "the body's schema has no such field");
        }

        var parts = new List<ParameterModel>();
        foreach (var member in members)
        {
            var (schema, isRequired) = member.Value;
            isRequired &= bodyIsRequired;
            if (MemberAccess.Of(schema, form, isRequired).IsReadOnly)
            {
                continue;
            }

            var target = SchemaMapper.Dereference(schema);
            var (type, encoding) = SchemaMapper.IsBinary(target) ? (FilePartType, BodyEncoding.Stream)
                : target.Item is { } item && SchemaMapper.IsBinary(item) ? (TypeRef.ArrayOf(FilePartType), BodyEncoding.Stream)
                : _schemas.Map(schema, methodName + Identifiers.ToPascalCase(member.Key)) is var mapped && IsWritableField(mapped, inForm: true) ? (mapped, BodyEncoding.Text)
                : (mapped, BodyEncoding.Json);
            parts.Add(new ParameterModel(
                names.Claim(Identifiers.ToCamelCase(member.Key)),
                member.Key,
                ParameterLocation.FormPart,
                isRequired ? type : type.AsNullable(),
                isRequired,
                SchemaMapper.DocumentationOf(target),
                CollectionStyle.Multi,
                encoding,
                encodings.TryGetValue(member.Key, out var partEncoding) ? PartContentType(partEncoding, pointer, mediaType, member.Key, operationName) : null,
                EquatableArray<PropertyModel>.Empty));
        }

        return parts;
    }

    /// <summary>
    /// The first content type a part's <c>encoding</c> lists (<c>image/png, image/jpeg</c>), unless it is a range
    /// (<c>image/*</c>): the part's default. What the encoding asks and no part can do is reported.
    /// </summary>
    private string? PartContentType(OpenApiEncoding? encoding, string pointer, string mediaType, string field, string operationName)
    {
        var what = $"The encoding of form field '{field}' of {operationName}";
        if (encoding?.Headers.Count > 0)
        {
            _diagnostics.BodyNotAsDescribed(what, pointer, "the headers it gives the part are not sent");
        }

        var first = _encodings.ContentType(pointer, mediaType, field)?.Split(',')[0].Trim();
        if (string.IsNullOrEmpty(first) || first!.IndexOf('*') >= 0)
        {
            return null;
        }

        if (!MediaTypeHeaderValue.TryParse(first, out _))
        {
            _diagnostics.BodyNotAsDescribed(what, pointer, $"'{first}' is not a media type, so the part goes out with its kind's default content type");
            return null;
        }

        return first;
    }

    /// <summary>
    /// Reports the fields of an object written one by one (a form, a deepObject) that are objects themselves: they are
    /// left out (see <see cref="WithFields"/>), as are readOnly fields, silently, since no request carries them.
    /// </summary>
    private void ReportUnwritableFields(TypeRef type, string description, string pointer, bool inForm)
    {
        foreach (var field in SentFields(type).Where(field => !IsWritableField(field.Type, inForm)))
        {
            _diagnostics.Unsupported($"{description} '{field.WireName}'", pointer, "an object-valued field cannot be written as text", "the field is never sent");
        }
    }

    /// <summary>
    /// The interfaces with the fields of each form body and deepObject parameter, taken once the classes are final:
    /// a hierarchy gives its root the discriminator and takes each subclass's copy of it (see <see cref="Hierarchies"/>).
    /// </summary>
    public EquatableArray<ApiInterfaceModel> WithFields(EquatableArray<ApiInterfaceModel> interfaces) =>
        interfaces.Select(api => api with
        {
            Operations = api.Operations.Select(operation => operation with
            {
                Parameters = operation.Parameters.Select(parameter =>
                    parameter.BodyEncoding == BodyEncoding.FormUrlEncoded || parameter.CollectionStyle == CollectionStyle.DeepObject
                        ? parameter with { Fields = WritableFields(parameter.Type, inForm: parameter.BodyEncoding == BodyEncoding.FormUrlEncoded) }
                        : parameter).ToEquatableArray(),
            }).ToEquatableArray(),
        }).ToEquatableArray();

    private EquatableArray<PropertyModel> WritableFields(TypeRef type, bool inForm) =>
        SentFields(type).Where(field => IsWritableField(field.Type, inForm)).ToEquatableArray();

    /// <summary>The fields a request may carry of an object (or of each object of an array): all but the readOnly ones.</summary>
    private IEnumerable<PropertyModel> SentFields(TypeRef type) =>
        _schemas.FieldsOf(type.Kind == TypeKind.Array ? type.Element! : type).Where(field => !field.IsReadOnly);

    /// <summary>Whether a deepObject parameter writes an object, or an array of objects, as the deepObject style needs.</summary>
    private static bool WritesObjects(JsonSchema schema, TypeRef type) => type.Kind switch
    {
        TypeKind.Contract => true,
        TypeKind.Array => type.Element?.Kind == TypeKind.Contract && SchemaMapper.Dereference(schema).Item is not null,
        _ => false,
    };

    /// <summary>The answer in its default media type (JSON first, see <see cref="PickMediaType"/>), then in each other one the document offers.</summary>
    private List<ResponseModel> MapResponses(OpenApiOperation operation, string methodName, string operationName, string pointer)
    {
        var responses = operation.ActualResponses;
        var successes = responses.Where(pair => pair.Key.StartsWith("2", StringComparison.Ordinal))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
        var candidates = successes.Count > 0
            ? successes
            : responses.Where(pair => pair.Key == "default").ToList();
        var chosen = candidates.Select(pair => (Status: pair.Key, Response: pair.Value.ActualResponse)).FirstOrDefault(candidate => candidate.Response.Content.Count > 0);
        if (chosen.Response is null)
        {
            return new List<ResponseModel> { ResponseModel.None };
        }

        var first = PickMediaType(chosen.Response.Content.Keys);
        return new[] { first }.Concat(chosen.Response.Content.Keys.Where(mediaType => mediaType != first))
            .Select(mediaType => MapResponse(chosen.Response, chosen.Status, mediaType, methodName, operationName, pointer))
            .ToList();
    }

    private ResponseModel MapResponse(OpenApiResponse response, string status, string mediaType, string methodName, string operationName, string pointer)
    {
        var schema = response.Content[mediaType].Schema;
        var documentation = Trimmed(response.Description);
        if (IsJson(mediaType) && !SchemaMapper.IsBinary(schema))
        {
            if (ResponseEnvelopes.MemberOf(response) is { } member)
            {
                if (schema is not null && ResponseEnvelopes.RecordSchema(schema, member) is { } record)
                {
                    return new ResponseModel(ResponseContent.Json, _schemas.Map(record, methodName + "Response"), mediaType, documentation, member);
                }

                _diagnostics.Unsupported($"{ResponseEnvelopes.Extension} '{member}' of {operationName}", pointer + "/responses/" + SourceLocator.EscapeSegment(status), $"the answer's schema has no member '{member}'", "the answer is read whole");
            }

            return new ResponseModel(ResponseContent.Json, _schemas.Map(schema, methodName + "Response"), mediaType, documentation);
        }

        return mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) && !SchemaMapper.IsBinary(schema)
            ? new ResponseModel(ResponseContent.Text, TypeRef.String, mediaType, documentation)
            : new ResponseModel(ResponseContent.Stream, _fileResponse ??= new TypeRef(TypeKind.Binary, _typeNames.Claim("FileResponse"), null, IsValueType: false, IsNullable: false), mediaType, documentation);
    }

    /// <summary><c>text/csv</c> → <c>csv</c>, <c>application/vnd.api+json; charset=utf-8</c> → <c>vnd.api+json</c>.</summary>
    private static string SubtypeOf(string mediaType)
    {
        var bare = mediaType.Split(';')[0].Trim();
        return bare.Substring(bare.IndexOf('/') + 1);
    }

    private static (string MediaType, OpenApiMediaType? Content) PickRequestContent(IDictionary<string, OpenApiMediaType> content)
    {
        var mediaType = PickMediaType(content.Keys);
        return (mediaType, content[mediaType]);
    }

    /// <summary>JSON first, then forms, then text, then whatever comes first in the document.</summary>
    private static string PickMediaType(ICollection<string> mediaTypes) =>
        mediaTypes.FirstOrDefault(IsJson)
        ?? mediaTypes.FirstOrDefault(type => IsMediaType(type, "application/x-www-form-urlencoded"))
        ?? mediaTypes.FirstOrDefault(type => IsMediaType(type, "multipart/form-data"))
        ?? mediaTypes.FirstOrDefault(type => type.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        ?? mediaTypes.First();

    private static BodyEncoding EncodingOf(string mediaType, JsonSchema? schema)
    {
        if (SchemaMapper.IsBinary(schema) || IsMediaType(mediaType, "application/octet-stream"))
        {
            return BodyEncoding.Stream;
        }

        if (IsJson(mediaType))
        {
            return BodyEncoding.Json;
        }

        if (IsMediaType(mediaType, "application/x-www-form-urlencoded"))
        {
            return BodyEncoding.FormUrlEncoded;
        }

        return mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) ? BodyEncoding.Text : BodyEncoding.RawContent;
    }

    internal static bool IsJson(string mediaType)
    {
        var bare = mediaType.Split(';')[0].Trim();
        return bare.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || bare.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || bare.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || bare == "*/*";
    }

    private static bool IsMediaType(string mediaType, string expected) =>
        mediaType.Split(';')[0].Trim().Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static CollectionStyle CollectionStyleOf(OpenApiParameter parameter, ParameterLocation location)
    {
        if (location != ParameterLocation.Query)
        {
            return CollectionStyle.Csv;
        }

        return parameter.Style switch
        {
            OpenApiParameterStyle.SpaceDelimeted => CollectionStyle.Ssv,
            OpenApiParameterStyle.PipeDelimited => CollectionStyle.Pipes,
            OpenApiParameterStyle.DeepObject => CollectionStyle.DeepObject,
            _ => parameter.Explode ?? true ? CollectionStyle.Multi : CollectionStyle.Csv,
        };
    }

    /// <summary>
    /// Scalars, enums, any JSON value (written as its text), unions of scalars and arrays of them can be written as URL
    /// or header text; objects cannot, nor bytes.
    /// </summary>
    private bool IsWritableInUrl(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => type.Element is { } element && IsScalarText(element),
        _ => IsScalarText(type),
    };

    private bool IsScalarText(TypeRef type) =>
        (type.Kind is TypeKind.Primitive or TypeKind.StringEnum or TypeKind.IntegerEnum or TypeKind.Json && type.AsNullable(false) != TypeRef.Base64) || _schemas.IsScalarUnion(type);

    /// <summary>
    /// What a URL can hold, and in a form also bytes: as base64 text (<c>format: byte</c>, an array of them too) or as
    /// their octets (<c>format: binary</c>).
    /// </summary>
    private bool IsWritableField(TypeRef type, bool inForm) =>
        IsWritableInUrl(type) || (inForm && (type.AsNullable(false) == TypeRef.Bytes || (type.Kind == TypeKind.Array ? type.Element : type)?.AsNullable(false) == TypeRef.Base64));

    private static ParameterModel SimpleParameter(string name, string wireName, ParameterLocation location, TypeRef type, bool isRequired, string? documentation, CollectionStyle style) =>
        new(name, wireName, location, type, isRequired, documentation, style, BodyEncoding.None, null, EquatableArray<PropertyModel>.Empty);

    /// <summary><c>GET /groups/{gid}/calendars</c> → <c>GetGroupsByGidCalendars</c>.</summary>
    private static string NameFromRoute(string method, string path)
    {
        var words = new List<string> { method };
        foreach (var segment in path.Split('/').Where(segment => segment.Length > 0))
        {
            var placeholder = PathPlaceholder.Match(segment);
            words.Add(placeholder.Success && placeholder.Value == segment ? "By " + placeholder.Groups[1].Value : segment);
        }

        return Identifiers.ToPascalCase(string.Join(" ", words));
    }

    /// <summary>A template (a path, or a server's URL) cut into literal text and <c>{placeholders}</c>.</summary>
    internal static EquatableArray<PathSegmentModel> SegmentsOf(string path)
    {
        var segments = new List<PathSegmentModel>();
        var position = 0;
        foreach (Match match in PathPlaceholder.Matches(path))
        {
            if (match.Index > position)
            {
                segments.Add(new PathSegmentModel(path.Substring(position, match.Index - position), IsParameter: false));
            }

            segments.Add(new PathSegmentModel(match.Groups[1].Value, IsParameter: true));
            position = match.Index + match.Length;
        }

        if (position < path.Length)
        {
            segments.Add(new PathSegmentModel(path.Substring(position), IsParameter: false));
        }

        return segments.ToEquatableArray();
    }

    internal static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    private sealed class InterfaceBuilder
    {
        public InterfaceBuilder(string name, string clientName, string? documentation)
        {
            Name = name;
            ClientName = clientName;
            Documentation = documentation;
            // A method may not be named like its interface or its class.
            MethodNames = new UniqueNameScope(name, clientName);
        }

        public string Name { get; }

        public string ClientName { get; }

        public string? Documentation { get; }

        public UniqueNameScope MethodNames { get; }

        public List<OperationModel> Operations { get; } = new();
    }
}
