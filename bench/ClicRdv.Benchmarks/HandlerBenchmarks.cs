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
    private HttpClient _basic = null!;
    private HttpClient _session = null!;
    private ClicRdvSession _sessionState = null!;
    private ICalendarsApi _withoutHandlers = null!;
    private ICalendarsApi _withBasic = null!;
    private ICalendarsApi _withSession = null!;

    [GlobalSetup]
    public void Setup()
    {
        var settings = ClicRdvJson.CreateRefitSettings(ApiJsonContext.Default);
        _none = new HttpClient(new CannedHandler()) { BaseAddress = Api };
        _basic = new HttpClient(ClicRdvHandlers.CreatePrimaryHandler(Options(ClicRdvAuthentication.Basic), null, new CannedHandler())) { BaseAddress = Api };
        _sessionState = new ClicRdvSession(Options(ClicRdvAuthentication.ProSession), TimeProvider.System, new CannedHandler());
        _session = new HttpClient(ClicRdvHandlers.CreatePrimaryHandler(Options(ClicRdvAuthentication.ProSession), _sessionState, new CannedHandler())) { BaseAddress = Api };
        _withoutHandlers = new CalendarsApiClient(_none, settings);
        _withBasic = new CalendarsApiClient(_basic, settings);
        _withSession = new CalendarsApiClient(_session, settings);
        _withSession.GetCalendar(4, 11).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _none.Dispose();
        _basic.Dispose();
        _session.Dispose();
        _sessionState.Dispose();
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
