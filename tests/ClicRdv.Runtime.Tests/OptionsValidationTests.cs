using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Runtime.Tests.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace ClicRdv.Runtime.Tests;

/// <summary>A missing or malformed setting fails at start with a message that names it and repeats no secret.</summary>
public sealed class OptionsValidationTests
{
    private const string SecretPassword = "Pa55-do-not-print";
    private const string SecretKey = "key-do-not-print";

    [Fact]
    public void Missing_settings_are_named_by_their_configuration_keys()
    {
        var failures = Validate(new ClicRdvOptions());

        Assert.Contains(failures, failure => failure.StartsWith("ClicRdv:ApiKey is required", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("ClicRdv:Email is required", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("ClicRdv:Password is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_settings_are_named_and_their_values_not_repeated()
    {
        var failures = Validate(new ClicRdvOptions
        {
            ApiKey = " " + SecretKey,
            Email = "pro@example.com",
            Password = SecretPassword,
            BaseAddress = new Uri("http://api.example.test/"),
            SessionIdleTimeout = TimeSpan.Zero,
            Timeout = TimeSpan.Zero,
            MaxResponseContentBytes = 0,
            MaxReplayBodyBytes = -1,
        });

        Assert.Contains(failures, failure => failure.StartsWith("ClicRdv:ApiKey has spaces", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("ClicRdv:BaseAddress uses plain http://", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("ClicRdv:SessionIdleTimeout must be", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("ClicRdv:Timeout must be", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("ClicRdv:MaxResponseContentBytes must be", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("ClicRdv:MaxReplayBodyBytes must be", StringComparison.Ordinal));
        Assert.All(failures, failure => Assert.DoesNotContain(SecretKey, failure));
        Assert.All(failures, failure => Assert.DoesNotContain(SecretPassword, failure));
    }

    [Fact]
    public void Loopback_http_is_accepted_and_https_is_the_default()
    {
        Assert.Empty(Validate(new ClicRdvOptions { ApiKey = "k", Email = "e", Password = "p", BaseAddress = new Uri("http://127.0.0.1:5000/") }));
        Assert.Equal(new Uri("https://sandbox.clicrdv.com/"), new ClicRdvOptions().ResolveBaseAddress());
        Assert.Equal(new Uri("https://www.clicrdv.com/"), new ClicRdvOptions { Environment = ClicRdvEnvironment.Production }.ResolveBaseAddress());
    }

    [Fact]
    public void Each_environment_is_a_server_the_document_declares()
    {
        // The runtime cannot read the document, so the generated ApiServers keeps its addresses honest.
        Assert.Equal(new Uri(ApiServers.Sandbox), new ClicRdvOptions().ResolveBaseAddress());
        Assert.Equal(new Uri(ApiServers.Production), new ClicRdvOptions { Environment = ClicRdvEnvironment.Production }.ResolveBaseAddress());
    }

    [Fact]
    public void A_registration_from_configuration_fails_on_first_use_with_the_names_of_the_bad_settings()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ClicRdv:Password"] = SecretPassword, ["ClicRdv:Authentication"] = "Basic" })
            .Build();
        var services = new ServiceCollection();
        services.AddClicRdv(configuration, ApiClients.Factories, ApiJsonContext.Default);
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IGroupsApi>());

        Assert.Contains("ClicRdv:ApiKey is required", exception.Message);
        Assert.Contains("ClicRdv:Email is required for Basic authentication", exception.Message);
        Assert.DoesNotContain(SecretPassword, exception.Message);
    }

    [Fact]
    public void The_factory_validates_too()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => new ClicRdvClientFactory(new ClicRdvOptions { ApiKey = "k" }, ApiClients.Factories, ApiJsonContext.Default));

        Assert.Contains("ClicRdv:Email is required", exception.Message);
    }

    private static List<string> Validate(ClicRdvOptions options) =>
        new ClicRdvOptionsValidator().Validate(Options.DefaultName, options).Failures?.ToList() ?? new List<string>();
}
