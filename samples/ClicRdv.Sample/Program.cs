using System;
using System.Net.Http;
using System.Threading.Tasks;
using System.Web;
using ClicRdv.Sample;
using ClicRdv.Sample.Api;
using Refit;

// The clients below were generated at compile time from spec/clicrdv.v1.openapi.json; no generated file is on disk.
await using var server = await DemoServer.StartAsync();
Console.WriteLine($"Demo server listening on {server.BaseAddress}");

using var httpClient = new HttpClient(new ApiKeyHandler(DemoServer.ApiKey)) { BaseAddress = server.BaseAddress };
var groups = RestService.For<IGroupsApi>(httpClient);
var calendars = RestService.For<ICalendarsApi>(httpClient);

var page = await groups.ListGroups();
var group = page.Records![0];
Console.WriteLine($"Group {group.Id}: {group.Name} ({page.TotalRecords} in all)");

var calendarPage = await calendars.ListCalendars(group.Id, results: "all", interventionIds: new[] { 1, 2 });
foreach (var calendar in calendarPage.Records!)
{
    Console.WriteLine($"  Calendar {calendar.Id}: {calendar.Name}, created {calendar.CreatedAt:yyyy-MM-dd HH:mm}");
}

try
{
    await calendars.GetCalendar(group.Id, 999);
}
catch (ApiException exception)
{
    Console.WriteLine($"  Calendar 999: {(int)exception.StatusCode} {exception.Content}");
}

Console.WriteLine("Done.");

/// <summary>Adds the apikey to the query of every request (the runtime package will own this).</summary>
internal sealed class ApiKeyHandler(string apiKey) : DelegatingHandler(new HttpClientHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
    {
        var builder = new UriBuilder(request.RequestUri!);
        var query = HttpUtility.ParseQueryString(builder.Query);
        query["apikey"] = apiKey;
        builder.Query = query.ToString();
        request.RequestUri = builder.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
