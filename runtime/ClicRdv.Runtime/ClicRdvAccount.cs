using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClicRdv.Runtime;

/// <summary>
/// One registration of the ClicRDV clients: the application's default one (unnamed: options from <c>ClicRdv</c>,
/// services resolved without a key) or a named account (options from <c>ClicRdv:{name}</c>, services keyed by the
/// name). Each account has its own options, HttpClient, session and settings, so that nothing crosses between them.
/// </summary>
internal sealed record ClicRdvAccount(string Name)
{
    /// <summary>The application's default account, registered without a name.</summary>
    public static readonly ClicRdvAccount Default = new(Options.DefaultName);

    public bool IsDefault => Name.Length == 0;

    /// <summary>The account's HttpClient: <c>ClicRdv</c>, or <c>ClicRdv:{name}</c>.</summary>
    public string HttpClientName => IsDefault ? ClicRdvServiceCollectionExtensions.HttpClientName : ClicRdvServiceCollectionExtensions.HttpClientName + ":" + Name;

    /// <summary>The configuration section of its options: <c>ClicRdv</c>, or <c>ClicRdv:{name}</c>.</summary>
    public string SectionPath => IsDefault ? ClicRdvOptions.SectionName : ClicRdvOptions.SectionName + ":" + Name;

    /// <summary>The key its services are registered under: none for the default account, the name otherwise.</summary>
    public object? ServiceKey => IsDefault ? null : Name;

    /// <summary>The account an IHttpClientBuilder of <c>AddClicRdv</c> belongs to, found from its HttpClient's name.</summary>
    public static ClicRdvAccount FromHttpClientName(string httpClientName)
    {
        var prefix = ClicRdvServiceCollectionExtensions.HttpClientName;
        if (httpClientName == prefix)
        {
            return Default;
        }

        return httpClientName.StartsWith(prefix + ":", StringComparison.Ordinal) && httpClientName.Length > prefix.Length + 1
            ? new ClicRdvAccount(httpClientName[(prefix.Length + 1)..])
            : throw new ArgumentException($"The HttpClient '{httpClientName}' is not one registered by AddClicRdv.", nameof(httpClientName));
    }

    /// <summary>The account's options, validated.</summary>
    public ClicRdvOptions OptionsIn(IServiceProvider provider) =>
        provider.GetRequiredService<IOptionsMonitor<ClicRdvOptions>>().Get(Name);

    /// <summary>The account's own instance of <typeparamref name="T"/>.</summary>
    public T Resolve<T>(IServiceProvider provider)
        where T : notnull =>
        IsDefault ? provider.GetRequiredService<T>() : provider.GetRequiredKeyedService<T>(Name);

    /// <summary>Registers the account's own <paramref name="serviceType"/>: unkeyed for the default account, keyed by the name otherwise.</summary>
    public void Add(IServiceCollection services, Type serviceType, ServiceLifetime lifetime, Func<IServiceProvider, object> create) =>
        services.Add(IsDefault
            ? new ServiceDescriptor(serviceType, create, lifetime)
            : new ServiceDescriptor(serviceType, Name, (provider, _) => create(provider), lifetime));
}
