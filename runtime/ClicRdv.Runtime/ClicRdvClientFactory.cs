using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Refit;

namespace ClicRdv.Runtime;

/// <summary>
/// Builds ClicRDV clients without dependency injection, for scripts and tests: one HttpClient with the same handlers
/// as <c>services.AddClicRdv(...)</c>.
/// Keep one factory for the application's lifetime and dispose it at the end.
/// </summary>
public sealed class ClicRdvClientFactory : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly RefitSettings _settings;
    private readonly IReadOnlyDictionary<Type, Func<HttpClient, RefitSettings, object>> _clients;

    /// <summary>Validates <paramref name="options"/> (throwing <see cref="OptionsValidationException"/>) and builds the HttpClient.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="clients">The generated document's <c>ApiClients.Factories</c>.</param>
    /// <param name="metadata">The document's JSON metadata, <c>ApiJsonContext.Default</c>.</param>
    /// <param name="timeProvider">The clock for session idle time.</param>
    /// <param name="transport">The innermost handler, under the authentication (the socket handler by default): a test double, or a socket handler of your own (proxy, certificates).</param>
    public ClicRdvClientFactory(ClicRdvOptions options, IReadOnlyDictionary<Type, Func<HttpClient, RefitSettings, object>> clients, IJsonTypeInfoResolver metadata, TimeProvider? timeProvider = null, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _settings = ClicRdvJson.CreateRefitSettings(metadata ?? throw new ArgumentNullException(nameof(metadata)));
        var validation = new ClicRdvOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ClicRdvOptions), validation.Failures);
        }

        // The session logs in through this factory's HttpClient (set below, before any login), as the clients call through it.
        Session = options.Authentication == ClicRdvAuthentication.Basic ? null : new ClicRdvSession(options, () => _httpClient!, timeProvider);
        _httpClient = new HttpClient(ClicRdvHandlers.CreatePrimaryHandler(options, Session, transport));
        options.ApplyTo(_httpClient);
    }

    /// <summary>The session, in the session modes (its profile has the user's <c>group_id</c>); null for Basic.</summary>
    public ClicRdvSession? Session { get; }

    /// <summary>A client for a generated interface.</summary>
    public TClient Create<TClient>()
        where TClient : class =>
        _clients.TryGetValue(typeof(TClient), out var create)
            ? (TClient)create(_httpClient, _settings)
            : throw new ArgumentException($"{typeof(TClient)} is not one of the generated clients this factory was given.", nameof(TClient));

    /// <inheritdoc />
    public void Dispose()
    {
        _httpClient.Dispose();
        Session?.Dispose();
    }
}
