using System;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using ClicRdv.Benchmarks.Api;
using ClicRdv.Runtime;

namespace ClicRdv.Benchmarks;

/// <summary>What the runtime's handlers add to a call (steady state: the session is already open).</summary>
[MemoryDiagnoser]
public class HandlerBenchmarks
{
    private static readonly Uri Api = new("http://127.0.0.1/");

    private HttpClient _none = null!;
    private ClicRdvClientFactory _basic = null!;
    private ClicRdvClientFactory _session = null!;
    private ICalendarsApi _withoutHandlers = null!;
    private ICalendarsApi _withBasic = null!;
    private ICalendarsApi _withSession = null!;

    [GlobalSetup]
    public void Setup()
    {
        var settings = ClicRdvJson.CreateRefitSettings(ApiJsonContext.Default);
        _none = new HttpClient(new CannedHandler()) { BaseAddress = Api };
        _basic = new ClicRdvClientFactory(Options(ClicRdvAuthentication.Basic), ApiClients.Factories, ApiJsonContext.Default, transport: new CannedHandler());
        _session = new ClicRdvClientFactory(Options(ClicRdvAuthentication.ProSession), ApiClients.Factories, ApiJsonContext.Default, transport: new CannedHandler());
        _withoutHandlers = new CalendarsApiClient(_none, settings);
        _withBasic = _basic.Create<ICalendarsApi>();
        _withSession = _session.Create<ICalendarsApi>();
        _withSession.GetCalendar(4, 11).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _none.Dispose();
        _basic.Dispose();
        _session.Dispose();
    }

    [Benchmark(Baseline = true, Description = "no handler")]
    public Task<Calendar> NoHandler() => _withoutHandlers.GetCalendar(4, 11);

    [Benchmark(Description = "apikey + Basic")]
    public Task<Calendar> ApiKeyAndBasic() => _withBasic.GetCalendar(4, 11);

    [Benchmark(Description = "apikey + session")]
    public Task<Calendar> ApiKeyAndSession() => _withSession.GetCalendar(4, 11);

    private static ClicRdvOptions Options(ClicRdvAuthentication authentication) => new()
    {
        BaseAddress = Api,
        ApiKey = "bench-key",
        Authentication = authentication,
        Email = "demo@clicrdv.test",
        Password = "demo-password",
    };
}
