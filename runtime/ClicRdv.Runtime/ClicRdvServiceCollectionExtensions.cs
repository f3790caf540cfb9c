using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace ClicRdv.Runtime;

/// <summary>
/// Registers generated ClicRDV clients on IHttpClientFactory, with the apikey and the chosen authentication: once for
/// the application's account, or once per named account (an integrator serving several salons).
/// </summary>
public static class ClicRdvServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient of the unnamed registration; a named account's is <c>ClicRdv:{name}</c>.</summary>
    public const string HttpClientName = "ClicRdv";

    /// <summary>
    /// Registers the clients of a generated document with options bound from the <c>ClicRdv</c> section of
    /// <paramref name="configuration"/>, validated at start. The clients and the <see cref="ClicRdvSession"/> are
    /// resolved without a key.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration with a <c>ClicRdv</c> section.</param>
    /// <param name="clients">The document's <c>ApiClients.Factories</c>.</param>
    /// <param name="metadata">The document's JSON metadata, <c>ApiJsonContext.Default</c>.</param>
    /// <returns>The HttpClient's builder, to add your own handlers (resilience, logging...).</returns>
    public static IHttpClientBuilder AddClicRdv(this IServiceCollection services, IConfiguration configuration, IReadOnlyDictionary<Type, Func<HttpClient, RefitSettings, object>> clients, IJsonTypeInfoResolver metadata) =>
        services.AddAccount(ClicRdvAccount.Default, configuration, clients, metadata);

    /// <summary>Registers the clients of a generated document with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <param name="clients">The document's <c>ApiClients.Factories</c>.</param>
    /// <param name="metadata">The document's JSON metadata, <c>ApiJsonContext.Default</c>.</param>
    /// <returns>The HttpClient's builder, to add your own handlers (resilience, logging...).</returns>
    public static IHttpClientBuilder AddClicRdv(this IServiceCollection services, Action<ClicRdvOptions> configure, IReadOnlyDictionary<Type, Func<HttpClient, RefitSettings, object>> clients, IJsonTypeInfoResolver metadata) =>
        services.AddAccount(ClicRdvAccount.Default, configure, clients, metadata);

    /// <summary>
    /// Registers the clients of a generated document for the account <paramref name="name"/>, with options bound from
    /// the <c>ClicRdv:{name}</c> section of <paramref name="configuration"/>. The account has its own apikey, login,
    /// session and HttpClient (<c>ClicRdv:{name}</c>); its clients and session are keyed services:
    /// <c>provider.GetRequiredKeyedService&lt;ICalendarsApi&gt;(name)</c> or <c>[FromKeyedServices(name)]</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, such as <c>salon-a</c>.</param>
    /// <param name="configuration">The configuration with a <c>ClicRdv:{name}</c> section.</param>
    /// <param name="clients">The document's <c>ApiClients.Factories</c>.</param>
    /// <param name="metadata">The document's JSON metadata, <c>ApiJsonContext.Default</c>.</param>
    /// <returns>The account's HttpClient builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddClicRdv(this IServiceCollection services, string name, IConfiguration configuration, IReadOnlyDictionary<Type, Func<HttpClient, RefitSettings, object>> clients, IJsonTypeInfoResolver metadata) =>
        services.AddAccount(Named(name), configuration, clients, metadata);

    /// <summary>Registers the clients of a generated document for the account <paramref name="name"/>, with options set in code (see the configuration overload).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, such as <c>salon-a</c>.</param>
    /// <param name="configure">Sets the account's options.</param>
    /// <param name="clients">The document's <c>ApiClients.Factories</c>.</param>
    /// <param name="metadata">The document's JSON metadata, <c>ApiJsonContext.Default</c>.</param>
    /// <returns>The account's HttpClient builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddClicRdv(this IServiceCollection services, string name, Action<ClicRdvOptions> configure, IReadOnlyDictionary<Type, Func<HttpClient, RefitSettings, object>> clients, IJsonTypeInfoResolver metadata) =>
        services.AddAccount(Named(name), configure, clients, metadata);

    /// <summary>
    /// Registers one client on the ClicRDV HttpClient, such as <c>(http, settings) =&gt; new CalendarsApiClient(http, settings)</c>,
    /// with the settings of the registration (the account) it is added to.
    /// </summary>
    public static IHttpClientBuilder AddClicRdvClient<TClient>(this IHttpClientBuilder builder, Func<HttpClient, RefitSettings, TClient> create)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(create);
        AddClient(builder.Services, ClicRdvAccount.FromHttpClientName(builder.Name), typeof(TClient), create);
        return builder;
    }

    /// <summary>
    /// Sets up the socket handler under the account's authentication, which the calls and the logins both go through:
    /// a proxy (<c>transport.Proxy = new WebProxy(...)</c>), client certificates, connection limits. Redirects stay
    /// unfollowed and cookies unkept, whatever <paramref name="configure"/> sets: the session handler relies on both.
    /// </summary>
    public static IHttpClientBuilder ConfigureClicRdvTransport(this IHttpClientBuilder builder, Action<SocketsHttpHandler> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var account = ClicRdvAccount.FromHttpClientName(builder.Name);
        builder.Services.Configure<ClicRdvTransportOptions>(account.HttpClientName, transport => transport.Configure.Add(configure));
        return builder;
    }

    private static ClicRdvAccount Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ClicRdvAccount(name);
    }

    private static IHttpClientBuilder AddAccount(this IServiceCollection services, ClicRdvAccount account, IConfiguration configuration, IReadOnlyDictionary<Type, Func<HttpClient, RefitSettings, object>> clients, IJsonTypeInfoResolver metadata)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ClicRdvOptions>(account.Name).Bind(configuration.GetSection(account.SectionPath));
        return services.AddAccountCore(account, clients, metadata);
    }

    private static IHttpClientBuilder AddAccount(this IServiceCollection services, ClicRdvAccount account, Action<ClicRdvOptions> configure, IReadOnlyDictionary<Type, Func<HttpClient, RefitSettings, object>> clients, IJsonTypeInfoResolver metadata)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ClicRdvOptions>(account.Name).Configure(configure);
        return services.AddAccountCore(account, clients, metadata);
    }

    private static IHttpClientBuilder AddAccountCore(this IServiceCollection services, ClicRdvAccount account, IReadOnlyDictionary<Type, Func<HttpClient, RefitSettings, object>> clients, IJsonTypeInfoResolver metadata)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(metadata);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(ClicRdvRefitSettings) && Equals(descriptor.ServiceKey, account.ServiceKey)))
        {
            throw new InvalidOperationException(account.IsDefault
                ? "AddClicRdv was already called without a name; register each further account under its own name."
                : $"The ClicRDV account '{account.Name}' is already registered.");
        }

        // One settings instance for every client of the account, so that the metadata is built once per type.
        var settings = new ClicRdvRefitSettings(ClicRdvJson.CreateRefitSettings(metadata));
        account.Add(services, typeof(ClicRdvRefitSettings), ServiceLifetime.Singleton, _ => settings);

        services.AddOptions<ClicRdvOptions>(account.Name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClicRdvOptions>, ClicRdvOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The session logs in through the account's own HttpClient, so that its handlers (yours, logging) see the login.
        account.Add(services, typeof(ClicRdvSession), ServiceLifetime.Singleton, provider =>
        {
            var httpClients = provider.GetRequiredService<IHttpClientFactory>();
            return new ClicRdvSession(
                account.OptionsIn(provider),
                () => httpClients.CreateClient(account.HttpClientName),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetService<ILogger<ClicRdvSession>>(),
                account.IsDefault ? null : account.Name);
        });

        var builder = services
            .AddHttpClient(account.HttpClientName, (provider, client) => account.OptionsIn(provider).ApplyTo(client))
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = account.OptionsIn(provider);
                var session = options.Authentication == ClicRdvAuthentication.Basic ? null : account.Resolve<ClicRdvSession>(provider);
                var transport = provider.GetRequiredService<IOptionsMonitor<ClicRdvTransportOptions>>().Get(account.HttpClientName).CreateTransport();
                return ClicRdvHandlers.CreatePrimaryHandler(options, session, transport);
            })
            .RedactLoggedHeaders(new[] { "Authorization", "Cookie", "Set-Cookie" });

        foreach (var client in clients)
        {
            AddClient(services, account, client.Key, client.Value);
        }

        return builder;
    }

    private static void AddClient(IServiceCollection services, ClicRdvAccount account, Type clientInterface, Func<HttpClient, RefitSettings, object> create) =>
        account.Add(services, clientInterface, ServiceLifetime.Transient, provider => create(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(account.HttpClientName),
            account.Resolve<ClicRdvRefitSettings>(provider).Settings));

    /// <summary>The Refit settings of an account, kept as a service of their own type.</summary>
    private sealed record ClicRdvRefitSettings(RefitSettings Settings);
}
