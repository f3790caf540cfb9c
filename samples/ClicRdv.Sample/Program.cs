using System;
using ClicRdv.Runtime;
using ClicRdv.Sample;
using ClicRdv.Sample.Api;
using Refit;

// The clients below were generated at compile time from spec/clicrdv.v1.openapi.json; no generated file is on disk.
await using var server = await DemoServer.StartAsync();
Console.WriteLine($"Demo server listening on {server.BaseAddress}");

using var clicRdv = new ClicRdvClientFactory(
    new ClicRdvOptions
    {
        BaseAddress = server.BaseAddress,
        ApiKey = DemoServer.ApiKey,
        Authentication = ClicRdvAuthentication.Basic,
        Email = DemoServer.Email,
        Password = DemoServer.Password,
    },
    ApiClients.Factories);
var groups = clicRdv.Create<IGroupsApi>();
var calendars = clicRdv.Create<ICalendarsApi>();

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
