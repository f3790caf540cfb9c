using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ClicRdv.Benchmarks.Api;
using Refit;

namespace ClicRdv.Benchmarks;

/// <summary>
/// Time and allocations per call of the generated client, against the same interface implemented by Refit's own
/// source generator and against hand-written HttpClient + System.Text.Json code, over canned in-memory answers. All
/// three use the same JsonSerializerOptions (System.Text.Json's web defaults), so that the client code is compared,
/// not serializer settings.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PerCallBenchmarks
{
    private static readonly CalendarRequest NewCalendar = new() { Calendar = new CalendarInput { Name = "New", City = "Lyon", Sort = 4 } };

    private HttpClient _httpClient = null!;
    private ICalendarsApi _generated = null!;
    private IRefitCalendarsApi _refit = null!;
    private HandwrittenCalendarsClient _handwritten = null!;
    private HandwrittenCalendarsClient _handwrittenSourceGenerated = null!;

    [GlobalSetup]
    public void Setup()
    {
        _httpClient = new HttpClient(new CannedHandler()) { BaseAddress = new Uri("http://127.0.0.1/") };
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(options));
        _generated = new CalendarsApiClient(_httpClient, settings);
        _refit = RestService.For<IRefitCalendarsApi>(_httpClient, settings);
        _handwritten = new HandwrittenCalendarsClient(_httpClient, options);
        _handwrittenSourceGenerated = new HandwrittenCalendarsClient(_httpClient, HandwrittenJsonContext.Default.Options);
    }

    [GlobalCleanup]
    public void Cleanup() => _httpClient.Dispose();

    [BenchmarkCategory("List"), Benchmark(Baseline = true, Description = "hand-written")]
    public Task<CalendarCollection> ListHandwritten() => _handwritten.ListCalendars(4);

    [BenchmarkCategory("List"), Benchmark(Description = "hand-written, STJ source generator")]
    public Task<CalendarCollection> ListHandwrittenSourceGenerated() => _handwrittenSourceGenerated.ListCalendars(4);

    [BenchmarkCategory("List"), Benchmark(Description = "Refit generator")]
    public Task<CalendarCollection> ListRefit() => _refit.ListCalendars(4);

    [BenchmarkCategory("List"), Benchmark(Description = "ClicRdv generated")]
    public Task<CalendarCollection> ListGenerated() => _generated.ListCalendars(4);

    [BenchmarkCategory("Get"), Benchmark(Baseline = true, Description = "hand-written")]
    public Task<Calendar> GetHandwritten() => _handwritten.GetCalendar(4, 11);

    [BenchmarkCategory("Get"), Benchmark(Description = "hand-written, STJ source generator")]
    public Task<Calendar> GetHandwrittenSourceGenerated() => _handwrittenSourceGenerated.GetCalendar(4, 11);

    [BenchmarkCategory("Get"), Benchmark(Description = "Refit generator")]
    public Task<Calendar> GetRefit() => _refit.GetCalendar(4, 11);

    [BenchmarkCategory("Get"), Benchmark(Description = "ClicRdv generated")]
    public Task<Calendar> GetGenerated() => _generated.GetCalendar(4, 11);

    [BenchmarkCategory("Create"), Benchmark(Baseline = true, Description = "hand-written")]
    public Task<Calendar> CreateHandwritten() => _handwritten.CreateCalendar(4, NewCalendar);

    [BenchmarkCategory("Create"), Benchmark(Description = "hand-written, STJ source generator")]
    public Task<Calendar> CreateHandwrittenSourceGenerated() => _handwrittenSourceGenerated.CreateCalendar(4, NewCalendar);

    [BenchmarkCategory("Create"), Benchmark(Description = "Refit generator")]
    public Task<Calendar> CreateRefit() => _refit.CreateCalendar(4, NewCalendar);

    [BenchmarkCategory("Create"), Benchmark(Description = "ClicRdv generated")]
    public Task<Calendar> CreateGenerated() => _generated.CreateCalendar(4, NewCalendar);
}
