using System;

namespace ClicRdv.Runtime.Tests;

/// <summary>Options that point at a <see cref="FakeClicRdv"/>.</summary>
internal static class ClientOptions
{
    public static ClicRdvOptions For(FakeClicRdv server, ClicRdvAuthentication authentication) => new()
    {
        BaseAddress = server.BaseAddress,
        ApiKey = FakeClicRdv.ApiKey,
        Authentication = authentication,
        Email = authentication == ClicRdvAuthentication.AccountSession ? FakeClicRdv.AccountEmail : FakeClicRdv.Email,
        Password = FakeClicRdv.Password,
    };
}
