using System;
using System.Linq;
using ClicRdv.Generated.Support;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// Writes the body of one client method: the path, the query, the headers, the body, then the call to the runtime
/// helper. Every local it declares is claimed from one scope that already holds the method's parameter names, so that
/// no parameter name (<c>path</c>, <c>query</c>, <c>request</c>, <c>item</c>...) can clash with a local.
/// </summary>
internal sealed class MethodBodyEmitter
{
    /// <summary>The client's field with the caller's URL formatting (null when the document's formats apply).</summary>
    private const string UrlFormatting = "_url";

    private readonly SourceWriter _writer;
    private readonly OperationModel _operation;
    private readonly ValueFormatter _formatter;
    private readonly JsonTypeCatalog _json;
    private readonly string _context;
    private readonly UniqueNameScope _locals;
    private readonly string _request;
    private string? _query;

    private MethodBodyEmitter(SourceWriter writer, OperationModel operation, ValueFormatter formatter, JsonTypeCatalog json, string context)
    {
        _context = context;
        _writer = writer;
        _operation = operation;
        _formatter = formatter;
        _json = json;
        _locals = new UniqueNameScope(operation.Parameters.Select(parameter => parameter.Name).Concat(new[] { "cancellationToken", "_httpClient", "_settings", "_json", UrlFormatting }).ToArray());
        _request = _locals.Claim("__request");
    }

    /// <param name="context">The document's context class, fully qualified.</param>
    public static void Write(SourceWriter writer, OperationModel operation, GeneratorOptions options, ValueFormatter formatter, JsonTypeCatalog json, string context) =>
        new MethodBodyEmitter(writer, operation, formatter, json, context).Write(options);

    private void Write(GeneratorOptions options)
    {
        var path = _locals.Claim("__path");
        _writer.Line($"var {path} = {PathExpression()};");
        var queryParameters = _operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Query).ToList();
        if (queryParameters.Count > 0)
        {
            _query = _locals.Claim("__query");
            _writer.Line($"global::System.Text.StringBuilder? {_query} = null;");
            foreach (var parameter in queryParameters)
            {
                WriteQueryParameter(parameter);
            }
        }

        _writer.Line($"using var {_request} = new global::System.Net.Http.HttpRequestMessage({HttpMethodExpression(_operation.HttpMethod)}, {ClientSupportSources.RequestUri}.Build(_httpClient, {path}, {_query ?? "null"}));");
        if (_operation.Response.MediaType is { } accept)
        {
            _writer.Line($"{_request}.Headers.TryAddWithoutValidation(\"Accept\", {SourceWriter.Literal(accept)});");
        }

        foreach (var parameter in _operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Header))
        {
            WriteIfPresent(parameter.Name, parameter.Type, value =>
                _writer.Line($"{_request}.Headers.TryAddWithoutValidation({SourceWriter.Literal(parameter.WireName)}, {Text(parameter.Type, value, parameter.CollectionStyle, urlFormatting: null)});"));
        }

        WriteCookies();

        foreach (var parameter in _operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Body))
        {
            WriteIfPresent(parameter.Name, parameter.Type, value => WriteBody(parameter, value));
        }

        if (MethodSignature.IsMultipart(_operation))
        {
            WriteMultipart();
        }

        if (_operation.AcceptsBearerToken)
        {
            _writer.Line($"await {ClientSupportSources.ClientRuntime}.AuthorizeAsync({_request}, _settings, cancellationToken).ConfigureAwait(false);");
        }

        var content = _operation.Response.Kind;
        var typeArgument = MethodSignature.ContentType(_operation.Response) ?? "object";
        var sendMethod = options.UseApiResponse ? "SendForApiResponseAsync" : "SendAsync";
        var json = content == ResponseContent.Json ? "_json?." + _json.PropertyFor(_operation.Response.Type!, isParameter: false) : "null";
        var envelope = _operation.Response.Envelope is { } member ? ", envelope: " + SourceWriter.Literal(member) : string.Empty;
        var file = content == ResponseContent.Stream ? $", file: static (response, stream) => new {TypeNames.Qualified(options.Namespace, _operation.Response.Type!.Name)}(response, stream)" : string.Empty;
        var errors = string.Empty;
        if (_operation.Errors.Count > 0)
        {
            var table = _locals.Claim("__errors");
            ErrorTableEmitter.Write(_writer, _operation, _json, _context, table, _locals.Claim("__status"), _locals.Claim("__json"));
            errors = $", errors: {table}, errorJson: _json";
        }

        var call = $"{ClientSupportSources.ClientRuntime}.{sendMethod}<{typeArgument}>(_httpClient, {_request}, _settings, {ClientSupportSources.ResponseContent}.{content}, {json}, cancellationToken{envelope}{file}{errors}).ConfigureAwait(false)";
        _writer.Line(content == ResponseContent.None && !options.UseApiResponse ? $"await {call};" : $"return await {call};");
    }

    /// <summary>Writes the cookie parameters present into one <c>Cookie</c> header, which is left out when none is.</summary>
    private void WriteCookies()
    {
        var cookieParameters = _operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Cookie).ToList();
        if (cookieParameters.Count == 0)
        {
            return;
        }

        var cookies = _locals.Claim("__cookies");
        _writer.Line($"global::System.Text.StringBuilder? {cookies} = null;");
        foreach (var parameter in cookieParameters)
        {
            WriteIfPresent(parameter.Name, parameter.Type, value =>
                _writer.Line($"{ClientSupportSources.RequestCookies}.Add(ref {cookies}, {SourceWriter.Literal(parameter.WireName)}, {Text(parameter.Type, value, parameter.CollectionStyle, urlFormatting: null)});"));
        }

        _writer.Line($"if ({cookies} is not null)");
        using (_writer.OpenBlock())
        {
            _writer.Line($"{_request}.Headers.TryAddWithoutValidation(\"Cookie\", {cookies}.ToString());");
        }
    }

    private string PathExpression()
    {
        var parts = _operation.PathSegments.Select(segment =>
        {
            if (!segment.IsParameter)
            {
                return SourceWriter.Literal(segment.Text);
            }

            var parameter = _operation.Parameters.First(candidate => candidate.Location == ParameterLocation.Path && candidate.WireName == segment.Text);
            return $"{ClientSupportSources.RequestUri}.EscapePathSegment({Text(parameter.Type, parameter.Name, CollectionStyle.Csv, UrlFormatting)})";
        }).ToList();

        return parts.Count == 0 ? SourceWriter.Literal(string.Empty) : string.Join(" + ", parts);
    }

    private void WriteQueryParameter(ParameterModel parameter)
    {
        if (parameter.CollectionStyle == CollectionStyle.DeepObject)
        {
            WriteIfPresent(parameter.Name, parameter.Type, value => WriteDeepObject(parameter, value));
            return;
        }

        var key = SourceWriter.Literal(Uri.EscapeDataString(parameter.WireName));
        if (parameter.Type.Kind == TypeKind.Array && parameter.CollectionStyle == CollectionStyle.Multi)
        {
            WriteIfPresent(parameter.Name, parameter.Type, value =>
                WriteForEach(value, item => _writer.Line($"{ClientSupportSources.RequestUri}.AddQuery(ref {_query}, {key}, {_formatter.Item(parameter.Type.Element!, item, UrlFormatting)});")));
            return;
        }

        WriteIfPresent(parameter.Name, parameter.Type, value =>
            _writer.Line($"{ClientSupportSources.RequestUri}.AddQuery(ref {_query}, {key}, {Text(parameter.Type, value, parameter.CollectionStyle, UrlFormatting)});"));
    }

    /// <summary>Writes <c>name[field]=value</c> per field, or <c>name[i][field]=value</c> per item and field of an array.</summary>
    private void WriteDeepObject(ParameterModel parameter, string value)
    {
        var escapedName = SourceWriter.Literal(Uri.EscapeDataString(parameter.WireName));
        void WriteFields(string item, string prefix)
        {
            foreach (var field in parameter.Fields)
            {
                var key = $"{prefix} + {SourceWriter.Literal(Uri.EscapeDataString("[" + field.WireName + "]"))}";
                WriteIfPresent($"{item}.{field.Name}", field.Type, fieldValue =>
                    _writer.Line($"{ClientSupportSources.RequestUri}.AddQuery(ref {_query}, {key}, {Text(field.Type, fieldValue, CollectionStyle.Csv, UrlFormatting)});"));
            }
        }

        if (parameter.Type.Kind != TypeKind.Array)
        {
            WriteFields(value, escapedName);
            return;
        }

        var index = _locals.Claim("__index");
        _writer.Line($"var {index} = 0;");
        WriteForEach(value, item => WriteIfPresent(item, parameter.Type.Element!, present =>
        {
            // A null item of a nullable element type has no fields to write.
            var prefix = _locals.Claim("__prefix");
            _writer.Line($"var {prefix} = {escapedName} + \"%5B\" + {ClientSupportSources.WireText}.Format({index}++) + \"%5D\";");
            WriteFields(present, prefix);
        }));
    }

    private void WriteBody(ParameterModel parameter, string value)
    {
        switch (parameter.BodyEncoding)
        {
            case BodyEncoding.Json:
                _writer.Line($"{_request}.Content = {ClientSupportSources.ClientRuntime}.JsonBody({value}, _json?.{_json.PropertyFor(parameter.Type.AsNullable(false), isParameter: true)}, _settings);");
                break;
            case BodyEncoding.FormUrlEncoded:
                var form = _locals.Claim("__form");
                _writer.Line($"var {form} = new {ClientSupportSources.FormBody}();");
                foreach (var field in parameter.Fields)
                {
                    var key = SourceWriter.Literal(field.WireName);
                    WriteIfPresent($"{value}.{field.Name}", field.Type, fieldValue =>
                    {
                        if (field.Type.Kind == TypeKind.Binary)
                        {
                            // Bytes as they are: the byte[] overload percent-encodes their octets.
                            _writer.Line($"{form}.Add({key}, {fieldValue});");
                            return;
                        }

                        WriteTextField(field.Type, fieldValue, text => $"{form}.Add({key}, {text});");
                    });
                }

                _writer.Line($"{_request}.Content = {form}.ToContent();");
                break;
            case BodyEncoding.Text:
                _writer.Line($"{_request}.Content = new global::System.Net.Http.StringContent({value}, global::System.Text.Encoding.UTF8, {SourceWriter.Literal(MediaTypeWithoutParameters(parameter.MediaType))});");
                break;
            case BodyEncoding.Stream:
                _writer.Line($"{_request}.Content = new global::System.Net.Http.StreamContent({value});");
                _writer.Line($"{_request}.Content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue({SourceWriter.Literal(MediaTypeWithoutParameters(parameter.MediaType))});");
                break;
            default:
                _writer.Line($"{_request}.Content = {value};");
                break;
        }
    }

    /// <summary>
    /// Writes a multipart form, one part per present parameter, in the parameters' order: each file with its file
    /// name, each scalar as text (each item of an array as a part of its own), anything else as JSON.
    /// </summary>
    private void WriteMultipart()
    {
        var form = _locals.Claim("__form");
        _writer.Line($"var {form} = new global::System.Net.Http.MultipartFormDataContent();");
        _writer.Line($"{_request}.Content = {form};");
        foreach (var part in _operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.FormPart))
        {
            var name = SourceWriter.Literal(part.WireName);
            var mediaType = part.MediaType is null ? "null" : SourceWriter.Literal(part.MediaType);
            WriteIfPresent(part.Name, part.Type, value =>
            {
                switch (part.BodyEncoding)
                {
                    case BodyEncoding.Stream when part.Type.Kind == TypeKind.Array:
                        WriteForEach(value, file => _writer.Line($"{ClientSupportSources.MultipartBody}.AddFile({form}, {name}, {file}, {mediaType});"));
                        break;
                    case BodyEncoding.Stream:
                        _writer.Line($"{ClientSupportSources.MultipartBody}.AddFile({form}, {name}, {value}, {mediaType});");
                        break;
                    case BodyEncoding.Text:
                        WriteTextField(part.Type, value, text => $"{ClientSupportSources.MultipartBody}.AddText({form}, {name}, {text}, {mediaType});");
                        break;
                    default:
                        var json = $"{ClientSupportSources.ClientRuntime}.JsonBody({value}, _json?.{_json.PropertyFor(part.Type.AsNullable(false), isParameter: true)}, _settings)";
                        _writer.Line($"{ClientSupportSources.MultipartBody}.AddField({form}, {name}, {json}, {mediaType});");
                        break;
                }
            });
        }
    }

    /// <summary>Writes the statement <paramref name="add"/> makes of a field's text, once per item (present) of an array.</summary>
    private void WriteTextField(TypeRef type, string value, Func<string, string> add)
    {
        if (type.Kind == TypeKind.Array)
        {
            WriteForEach(value, item =>
            {
                var text = _locals.Claim("__text");
                _writer.Line($"if ({_formatter.Item(type.Element!, item, urlFormatting: null)} is {{ }} {text}) {add(text)}");
            });
            return;
        }

        _writer.Line(add(Text(type, value, CollectionStyle.Csv, urlFormatting: null)));
    }

    private void WriteForEach(string sequence, Action<string> writeItem)
    {
        var item = _locals.Claim("__item");
        _writer.Line($"foreach (var {item} in {sequence})");
        using (_writer.OpenBlock())
        {
            writeItem(item);
        }
    }

    /// <summary>
    /// Writes <paramref name="write"/> for the value of <paramref name="expression"/>, guarded by a null check when it
    /// may be null; the guard's pattern variable gives the non-null value without <c>.Value</c> or <c>!</c>.
    /// </summary>
    private void WriteIfPresent(string expression, TypeRef type, Action<string> write)
    {
        if (!type.IsNullable)
        {
            write(expression);
            return;
        }

        var local = _locals.Claim("__" + expression.Replace("@", string.Empty).TrimStart('_').Replace(".", "_"));
        _writer.Line($"if ({expression} is {{ }} {local})");
        using (_writer.OpenBlock())
        {
            write(local);
        }
    }

    /// <param name="urlFormatting">The caller's URL formatting, for path and query values; null for headers and form fields.</param>
    private string Text(TypeRef type, string expression, CollectionStyle style, string? urlFormatting) =>
        _formatter.Text(type, expression, style, type.Kind == TypeKind.Array ? _locals.Claim("__element") : string.Empty, urlFormatting);

    private static string HttpMethodExpression(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        _ => $"new global::System.Net.Http.HttpMethod({SourceWriter.Literal(method)})",
    };

    private static string MediaTypeWithoutParameters(string? mediaType) =>
        (mediaType ?? "application/octet-stream").Split(';')[0].Trim();
}
