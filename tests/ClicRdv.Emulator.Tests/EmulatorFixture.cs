using System;
using System.Linq;
using System.Threading.Tasks;
using ClicRdv.Emulator.Tests.Api;
using ClicRdv.Runtime;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClicRdv.Emulator.Tests;

/// <summary>A fresh emulator per test class instance, on a fake clock that starts on a Monday at 08:00 UTC.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    protected ClicRdvEmulator Emulator { get; private set; } = null!;

    protected EmulatorUser Pro => Emulator.Users.First(user => user.Kind == "pro");

    public async Task InitializeAsync() => Emulator = await ClicRdvEmulator.StartAsync(new EmulatorOptions { TimeProvider = Clock });

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    protected ClicRdvClientFactory Client(ClicRdvAuthentication authentication) => new(
        new ClicRdvOptions { BaseAddress = Emulator.BaseAddress, ApiKey = Emulator.ApiKey, Authentication = authentication, Email = Pro.Email, Password = Pro.Password },
        ApiClients.Factories, ApiJsonContext.Default,
        Clock);
}
