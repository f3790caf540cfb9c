using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace ClicRdv.Runtime;

/// <summary>
/// Checks the options at start. Each message names the setting by its configuration key (<c>ClicRdv:ApiKey</c>, or
/// <c>ClicRdv:{account}:ApiKey</c> for a named account) and never repeats a value,
/// so that a secret put in the wrong setting does not end up in a log.
/// </summary>
internal sealed class ClicRdvOptionsValidator : IValidateOptions<ClicRdvOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ClicRdvOptions options)
    {
        var failures = new List<string>();
        var section = new ClicRdvAccount(name ?? Options.DefaultName).SectionPath;
        string Key(string property) => section + ":" + property;

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{Key(nameof(options.ApiKey))} is required: every ClicRDV request carries the application's API key.");
        }
        else if (options.ApiKey.Trim() != options.ApiKey)
        {
            failures.Add($"{Key(nameof(options.ApiKey))} has spaces around it; remove them.");
        }

        if (string.IsNullOrWhiteSpace(options.Email))
        {
            failures.Add($"{Key(nameof(options.Email))} is required for {options.Authentication} authentication.");
        }

        if (string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{Key(nameof(options.Password))} is required for {options.Authentication} authentication.");
        }

        if (!Enum.IsDefined(options.Authentication))
        {
            failures.Add($"{Key(nameof(options.Authentication))} must be Basic, ProSession or AccountSession.");
        }

        if (!Enum.IsDefined(options.Environment))
        {
            failures.Add($"{Key(nameof(options.Environment))} must be Sandbox or Production.");
        }

        if (options.BaseAddress is { } address && (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{Key(nameof(options.BaseAddress))} must be an absolute http:// or https:// address.");
        }
        else if (!options.AllowInsecureHttp && !TransportGuard.IsSafe(options.ResolveBaseAddress()))
        {
            failures.Add($"{Key(nameof(options.BaseAddress))} uses plain http:// to a host other than loopback, which would expose the credentials; use https://, or set {Key(nameof(options.AllowInsecureHttp))} to true.");
        }

        if (options.SessionIdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Key(nameof(options.SessionIdleTimeout))} must be a positive duration, such as 00:55:00.");
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{Key(nameof(options.Timeout))} must be a positive duration, such as 00:00:30, or none: System.Threading.Timeout.InfiniteTimeSpan, written -00:00:00.001 in configuration.");
        }

        if (options.MaxResponseContentBytes is <= 0 or > int.MaxValue)
        {
            failures.Add($"{Key(nameof(options.MaxResponseContentBytes))} must be between 1 and {int.MaxValue} bytes.");
        }

        if (options.MaxReplayBodyBytes is < 0 or > int.MaxValue)
        {
            failures.Add($"{Key(nameof(options.MaxReplayBodyBytes))} must be between 0 and {int.MaxValue} bytes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
