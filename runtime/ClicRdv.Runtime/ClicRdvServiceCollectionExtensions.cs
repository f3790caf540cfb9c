using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace ClicRdv.Runtime;

/// <summary>Registers generated ClicRDV clients on IHttpClientFactory, with the apikey and the chosen authentication.</summary>
public static class ClicRdvServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient every ClicRDV client uses.</summary>
    public const string HttpClientName = "ClicRdv";

    /// <summary>
    /// Registers the clients of a generated document with options bound from the <c>ClicRdv</c> section of
    /// <paramref name="configuration"/>, validated at start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration with a <c>ClicRdv</c> section.</param>
    /// <param name="clients">The document's <c>ApiClients.Factories</c>.</param>
    /// <param name="metadata">The document's JSON metadata, <c>ApiJsonContext.Default</c>.</param>
    /// <returns>The HttpClient's builder, to add your own handlers (resilience, logging...).</returns>
    public static IHttpClientBuilder AddClicRdv(this IServiceCollection services, IConfiguration configuration, IReadOnlyDictionary<Type, Func<HttpClient, RefitSettings, object>> clients, IJsonTypeInfoResolver metadata)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ClicRdvOptions>().Bind(configuration.GetSection(ClicRdvOptions.SectionName));
        return services.AddClicRdvCore(clients, metadata);
    }

    /// <summary>Registers the clients of a generated document with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <param name="clients">The document's <c>ApiClients.Factories</c>.</param>
    /// <param name="metadata">The document's JSON metadata, <c>ApiJsonContext.Default</c>.</param>
    /// <returns>The HttpClient's builder, to add your own handlers (resilience, logging...).</returns>
    public static IHttpClientBuilder AddClicRdv(this IServiceCollection services, Action<ClicRdvOptions> configure, IReadOnlyDictionary<Type, Func<HttpClient, RefitSettings, object>> clients, IJsonTypeInfoResolver metadata)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ClicRdvOptions>().Configure(configure);
        return services.AddClicRdvCore(clients, metadata);
    }

    /// <summary>
    /// Registers one client on the ClicRDV HttpClient, such as <c>(http, settings) =&gt; new CalendarsApiClient(http, settings)</c>,
    /// with the settings of the registration it is added to.
    /// </summary>
    public static IHttpClientBuilder AddClicRdvClient<TClient>(this IHttpClientBuilder builder, Func<HttpClient, RefitSettings, TClient> create)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(create);
        AddClient(builder.Services, typeof(TClient), create);
        return builder;
    }

    private static IHttpClientBuilder AddClicRdvCore(this IServiceCollection services, IReadOnlyDictionary<Type, Func<HttpClient, RefitSettings, object>> clients, IJsonTypeInfoResolver metadata)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(metadata);

        // One settings instance for every client, so that the metadata is built once per type.
        services.TryAddSingleton(new ClicRdvRefitSettings(ClicRdvJson.CreateRefitSettings(metadata)));

        services.AddOptions<ClicRdvOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClicRdvOptions>, ClicRdvOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ClicRdvOptions>>().Value;
            return new ClicRdvSession(options, provider.GetRequiredService<TimeProvider>(), logger: provider.GetService<ILogger<ClicRdvSession>>());
        });

        var builder = services
            .AddHttpClient(HttpClientName, (provider, client) => provider.GetRequiredService<IOptions<ClicRdvOptions>>().Value.ApplyTo(client))
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<ClicRdvOptions>>().Value;
                var session = options.Authentication == ClicRdvAuthentication.Basic ? null : provider.GetRequiredService<ClicRdvSession>();
                return ClicRdvHandlers.CreatePrimaryHandler(options, session);
            })
            .RedactLoggedHeaders(new[] { "Authorization", "Cookie", "Set-Cookie" });

        foreach (var client in clients)
        {
            AddClient(services, client.Key, client.Value);
        }

        return builder;
    }

    private static void AddClient(IServiceCollection services, Type clientInterface, Func<HttpClient, RefitSettings, object> create) =>
        services.AddTransient(clientInterface, provider => create(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<ClicRdvRefitSettings>().Settings));

    /// <summary>The Refit settings of the registration, kept as a service of their own type.</summary>
    private sealed record ClicRdvRefitSettings(RefitSettings Settings);
}
