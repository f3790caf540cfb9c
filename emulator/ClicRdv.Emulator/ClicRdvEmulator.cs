using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ClicRdv.Emulator.Data;
using ClicRdv.Emulator.Endpoints;
using ClicRdv.Emulator.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClicRdv.Emulator;

/// <summary>
/// A local ClicRDV API v1 on Kestrel. Every request must carry the apikey in its query, must be one the OpenAPI
/// document allows (else 400 with the reason), and, except the login, must come with Basic credentials or a live
/// session cookie (else 401, with no challenge). Data lives in memory, seeded with <see cref="DemoData"/>.
/// </summary>
public sealed class ClicRdvEmulator : IAsyncDisposable
{
    /// <summary>Answers keep accents and quotes as they are (ClicRDV's JSON is UTF-8, not HTML-escaped).</summary>
    private static readonly JsonSerializerOptions ResponseJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ApiDescription _api;
    private readonly OperationHandlers _handlers;
    private readonly SessionEndpoints _sessionEndpoints;
    private readonly Sessions _sessions;
    private readonly EmulatorOptions _options;

    private ClicRdvEmulator(WebApplication app, EmulatorOptions options)
    {
        _app = app;
        _options = options;
        _api = ApiDescription.Load();
        var store = new Store();
        DemoData.Seed(store, ClicRdvTime.Now(options.TimeProvider));
        _sessions = new Sessions(options.TimeProvider, options.SessionIdleLifetime);
        _sessionEndpoints = new SessionEndpoints(options.Users, _sessions);
        _handlers = new OperationHandlers(store, options.TimeProvider, _sessionEndpoints);

        var unserved = _api.Operations.Where(operation => _handlers.Find(operation.OperationId) is null).Select(operation => operation.OperationId).ToList();
        if (unserved.Count > 0)
        {
            throw new InvalidOperationException("The emulator has no handler for: " + string.Join(", ", unserved));
        }
    }

    /// <summary>The root address, such as <c>http://127.0.0.1:5123/</c>; paths start with <c>/api/v1/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The apikey the emulator accepts.</summary>
    public string ApiKey => _options.ApiKey;

    /// <summary>The users who can log in.</summary>
    public IReadOnlyList<EmulatorUser> Users => _options.Users;

    /// <summary>Every request received, in order, with the status it got.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    /// <summary>How many login requests were received.</summary>
    public int Logins => _sessionEndpoints.Logins;

    /// <summary>The operationIds of the document.</summary>
    public IEnumerable<string> OperationIds => _api.Operations.Select(operation => operation.OperationId);

    /// <summary>Starts an emulator on <see cref="EmulatorOptions.Url"/> (a free port on 127.0.0.1 by default).</summary>
    public static async Task<ClicRdvEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = RequestBounds.MaxRequestLineBytes);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var emulator = new ClicRdvEmulator(app, options);
        app.Run(emulator.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (System.IO.IOException exception) when (exception.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new EmulatorAddressInUseException(options.Url, exception);
        }

        emulator.BaseAddress = new Uri(app.Urls.First());
        return emulator;
    }

    /// <summary>Ends every session, as an hour of inactivity would.</summary>
    public void ExpireSessions() => _sessions.Clear();

    /// <summary>Waits until the application is asked to stop (Ctrl+C for the standalone program).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) =>
        Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdownAsync(_app, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        RecordedRequest? recorded = null;
        ApiResult result;
        try
        {
            var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            recorded = Record(context.Request, body.Text);
            result = Answer(context, recorded, body.Problem);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            // Whatever fails, the answer is still the documented JSON error, never an empty 500.
            result = ApiResult.Error(500, "The emulator failed: " + exception.Message);
        }

        await WriteAsync(context, recorded, result).ConfigureAwait(false);
    }

    private RecordedRequest Record(HttpRequest request, string body)
    {
        var rawQuery = request.QueryString.Value ?? string.Empty;
        var recorded = new RecordedRequest(
            request.Method,
            request.Path.Value ?? string.Empty,
            rawQuery,
            UrlEncodedPairs.Parse(rawQuery),
            request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            request.Cookies.ToDictionary(cookie => cookie.Key, cookie => cookie.Value, StringComparer.Ordinal),
            body);
        _requests.Enqueue(recorded);
        return recorded;
    }

    /// <summary>Serializes before anything is sent, so that a body that cannot be written still turns into a JSON 500.</summary>
    private static async Task WriteAsync(HttpContext context, RecordedRequest? recorded, ApiResult result)
    {
        string? json;
        try
        {
            json = result.Body?.ToJsonString(ResponseJson);
        }
        catch (Exception exception)
        {
            result = ApiResult.Error(500, "The emulator failed to write its answer: " + exception.Message);
            json = result.Body!.ToJsonString(ResponseJson);
        }

        if (recorded is not null)
        {
            recorded.Status = result.Status;
        }

        context.Response.StatusCode = result.Status;
        foreach (var header in result.Headers ?? Array.Empty<KeyValuePair<string, string>>())
        {
            context.Response.Headers.Append(header.Key, header.Value);
        }

        if (json is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private ApiResult Answer(HttpContext context, RecordedRequest request, string? bodyProblem)
    {
        var apiKeys = request.Query.Where(pair => pair.Key == "apikey").ToList();
        if (apiKeys.Count != 1 || apiKeys[0].Value != _options.ApiKey)
        {
            return ApiResult.Error(401, apiKeys.Count > 1 ? "The apikey is given more than once." : "Invalid or missing apikey (it goes in the query string).");
        }

        if (ResponseFormat.Refusal(request.Query) is { } unservable)
        {
            return ApiResult.Error(400, unservable + ".");
        }

        var route = _api.Route(request.Method, request.Path);
        if (route.Operation is not { } operation)
        {
            var refused = ApiResult.Error(route.Status, route.Error!);
            return route.AllowedMethods.Count > 0 ? refused with { Headers = new[] { KeyValuePair.Create("Allow", string.Join(", ", route.AllowedMethods)) } } : refused;
        }

        request.OperationId = operation.OperationId;
        if (bodyProblem is not null)
        {
            return ApiResult.Error(400, $"The request body is refused: {bodyProblem}.");
        }

        EmulatorUser? user = null;
        if (operation.NeedsUser)
        {
            user = _sessionEndpoints.FromBasic(request.Headers.GetValueOrDefault("Authorization"))
                ?? (request.Cookies.TryGetValue("_session_id", out var sessionId) ? _sessions.Use(sessionId) : null);
            if (user is null)
            {
                return ApiResult.Error(401, "Not logged in: send Basic credentials or a live _session_id cookie.");
            }
        }

        // A user reaches only its own group, whatever the query and body: another group is "not found", as
        // GET /groups/{id} answers. A path the document does not allow (an id of 0, say) is a 400 before that.
        var problem = RequestValidator.ValidatePath(operation, route.PathValues);
        if (problem is null && GroupAccess.Refusal(operation, route.PathValues, user) is { } outsider)
        {
            return outsider;
        }

        if ((problem ?? RequestValidator.ValidateQueryAndBody(operation, request.Query, context.Request.ContentType, request.Body)) is { } mismatch)
        {
            return ApiResult.Error(400, "The request does not match the OpenAPI document: " + mismatch);
        }

        if (_options.FailRequest?.Invoke(request) == true)
        {
            return ApiResult.Error(500, "Injected fault: the request was not carried out.");
        }

        try
        {
            return _handlers.Find(operation.OperationId)!(new ApiCall(operation, route.PathValues, request.Query, request.Body, user));
        }
        catch (RequestRefusedException refusal)
        {
            return ApiResult.Error(400, $"The request is refused: {refusal.Message}.");
        }
    }
}
