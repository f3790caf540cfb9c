using System;
using System.Collections.Generic;
using System.Linq;
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

    private static readonly Regex PathPlaceholder = new(@"\{([^{}]+)\}", RegexOptions.CultureInvariant);

    private readonly SchemaMapper _schemas;
    private readonly DiagnosticSink _diagnostics;
    private readonly UniqueNameScope _typeNames;

    public OperationMapper(SchemaMapper schemas, DiagnosticSink diagnostics, UniqueNameScope typeNames)
    {
        _schemas = schemas;
        _diagnostics = diagnostics;
        _typeNames = typeNames;
    }

    public EquatableArray<ApiInterfaceModel> MapInterfaces(OpenApiDocument document, string defaultTag)
    {
        var builders = new Dictionary<string, InterfaceBuilder>(StringComparer.Ordinal);
        var bearerTokens = new BearerTokens(document);
        foreach (var pathItem in document.Paths)
        {
            foreach (var entry in pathItem.Value)
            {
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

                builder.Operations.Add(MapOperation(pathItem.Key, method, entry.Value, pointer, builder.MethodNames, bearerTokens.AcceptedBy(entry.Value)));
            }
        }

        return builders.Values
            .Select(builder => new ApiInterfaceModel(builder.Name, builder.ClientName, Trimmed(builder.Documentation), builder.Operations.ToEquatableArray()))
            .OrderBy(model => model.Name, StringComparer.Ordinal)
            .ToEquatableArray();
    }

    private OperationModel MapOperation(string path, string method, OpenApiOperation operation, string pointer, UniqueNameScope methodNames, bool acceptsBearerToken)
    {
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

        var body = MapBody(operation.ActualRequestBody, name, operationName, pointer, parameterNames);
        if (body is not null)
        {
            parameters.Add(body);
        }

        var ordered = parameters
            .OrderBy(parameter => parameter.Location == ParameterLocation.Path ? 0 : parameter.IsRequired ? 1 : 2)
            .ThenBy(parameter => parameter.Location == ParameterLocation.Path ? placeholders.IndexOf(parameter.WireName) : 0)
            .ToEquatableArray();

        return new OperationModel(
            name,
            method.ToUpperInvariant(),
            path,
            SegmentsOf(path),
            Trimmed(operation.Summary),
            Trimmed(operation.Description),
            operation.IsDeprecated,
            ordered,
            MapResponse(operation, name, operationName, pointer),
            acceptsBearerToken);
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
            ReportUnwritableFields(type, $"Field of parameter '{parameter.Name}' of {operationName}", pointer);
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

    private ParameterModel? MapBody(OpenApiRequestBody? body, string methodName, string operationName, string pointer, UniqueNameScope names)
    {
        if (body is null || body.Content.Count == 0)
        {
            return null;
        }

        var (mediaType, content) = PickRequestContent(body.Content);
        var schema = content?.Schema;
        var encoding = EncodingOf(mediaType, schema);
        TypeRef type;
        switch (encoding)
        {
            case BodyEncoding.Json:
                type = _schemas.Map(schema, methodName + "Request");
                break;
            case BodyEncoding.FormUrlEncoded when schema is not null && _schemas.Map(schema, methodName + "Request") is { Kind: TypeKind.Contract } contract:
                type = contract;
                ReportUnwritableFields(contract, $"Form field of {operationName}", pointer);
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
        return new ParameterModel(
            name,
            name,
            ParameterLocation.Body,
            body.IsRequired ? type : type.AsNullable(),
            body.IsRequired,
            Trimmed(body.Description),
            CollectionStyle.Multi,
            encoding,
            mediaType,
            EquatableArray<PropertyModel>.Empty);
    }

    /// <summary>
    /// Reports the fields of an object written one by one (a form, a deepObject) that are objects themselves: they are
    /// left out (see <see cref="WithFields"/>), as are readOnly fields, silently, since no request carries them.
    /// </summary>
    private void ReportUnwritableFields(TypeRef type, string description, string pointer)
    {
        foreach (var field in SentFields(type).Where(field => !IsWritableInUrl(field.Type)))
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
                        ? parameter with { Fields = WritableFields(parameter.Type) }
                        : parameter).ToEquatableArray(),
            }).ToEquatableArray(),
        }).ToEquatableArray();

    private EquatableArray<PropertyModel> WritableFields(TypeRef type) =>
        SentFields(type).Where(field => IsWritableInUrl(field.Type)).ToEquatableArray();

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

    private ResponseModel MapResponse(OpenApiOperation operation, string methodName, string operationName, string pointer)
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
            return ResponseModel.None;
        }

        var mediaType = PickMediaType(chosen.Response.Content.Keys);
        var schema = chosen.Response.Content[mediaType].Schema;
        var documentation = Trimmed(chosen.Response.Description);
        if (IsJson(mediaType) && !SchemaMapper.IsBinary(schema))
        {
            if (ResponseEnvelopes.MemberOf(chosen.Response) is { } member)
            {
                if (schema is not null && ResponseEnvelopes.RecordSchema(schema, member) is { } record)
                {
                    return new ResponseModel(ResponseContent.Json, _schemas.Map(record, methodName + "Response"), mediaType, documentation, member);
                }

                _diagnostics.Unsupported($"{ResponseEnvelopes.Extension} '{member}' of {operationName}", pointer + "/responses/" + SourceLocator.EscapeSegment(chosen.Status), $"the answer's schema has no member '{member}'", "the answer is read whole");
            }

            return new ResponseModel(ResponseContent.Json, _schemas.Map(schema, methodName + "Response"), mediaType, documentation);
        }

        return mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) && !SchemaMapper.IsBinary(schema)
            ? new ResponseModel(ResponseContent.Text, TypeRef.String, mediaType, documentation)
            : new ResponseModel(ResponseContent.Stream, StreamType, mediaType, documentation);
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

    private static bool IsJson(string mediaType)
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
    /// or header text; objects cannot.
    /// </summary>
    private bool IsWritableInUrl(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => type.Element is { } element && IsScalarText(element),
        _ => IsScalarText(type),
    };

    private bool IsScalarText(TypeRef type) =>
        type.Kind is TypeKind.Primitive or TypeKind.StringEnum or TypeKind.IntegerEnum or TypeKind.Json || _schemas.IsScalarUnion(type);

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

    private static EquatableArray<PathSegmentModel> SegmentsOf(string path)
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

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

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
