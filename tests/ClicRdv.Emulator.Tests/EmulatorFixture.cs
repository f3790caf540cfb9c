using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ClicRdv.Emulator.Tests.Api;
using ClicRdv.Runtime;
using ClicRdv.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ClicRdv.Emulator.Tests;

/// <summary>
/// A fresh emulator per test class instance, on a fake clock that starts on a Monday at 08:00 UTC. Every answer a
/// test receives through <see cref="Client"/> or <see cref="Http"/> is judged by the OpenAPI document when the test
/// ends: an answer the document does not allow fails the test.
/// </summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    /// <summary>A hang guard: the emulator stops in well under a second, unless a request is stuck in it.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);

    protected EmulatorTest()
    {
    }

    /// <summary>Also writes how many answers were judged to <paramref name="output"/>.</summary>
    protected EmulatorTest(ITestOutputHelper output) => Output = output;

    /// <summary>Where a test writes its figures, when it was given one.</summary>
    protected ITestOutputHelper? Output { get; }

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    protected ClicRdvEmulator Emulator { get; private set; } = null!;

    protected EmulatorUser Pro => Emulator.Users.First(user => user.Kind == "pro");

    /// <summary>Every answer received through <see cref="Client"/> and <see cref="Http"/>, in order.</summary>
    private ConcurrentQueue<HttpAnswer> Answers { get; } = new();

    public async Task InitializeAsync() => Emulator = await ClicRdvEmulator.StartAsync(new EmulatorOptions { TimeProvider = Clock });

    public async Task DisposeAsync()
    {
        try
        {
            await DocumentAnswers.AssertAllValidAsync(Answers.ToList(), text => Secrets.Redact(text, Emulator), Output);
        }
        finally
        {
            await Emulator.DisposeAsync().AsTask().WaitAsync(StopTimeout);
        }
    }

    protected ClicRdvClientFactory Client(ClicRdvAuthentication authentication) => new(
        new ClicRdvOptions { BaseAddress = Emulator.BaseAddress, ApiKey = Emulator.ApiKey, Authentication = authentication, Email = Pro.Email, Password = Pro.Password },
        ApiClients.Factories, ApiJsonContext.Default,
        Clock,
        Recorded());

    /// <summary>A plain HTTP client on the emulator (no cookies, no redirects), for requests the generated clients would not send.</summary>
    protected HttpClient Http() => new(Recorded()) { BaseAddress = Emulator.BaseAddress };

    private AnswerRecorder Recorded() => new(Answers) { InnerHandler = PlainTransport.Create() };
}
