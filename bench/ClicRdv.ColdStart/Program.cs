using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using ClicRdv.Benchmarks;
using ClicRdv.ColdStart.Api;

// One call, as a program's first: "generated" (the generated client with its default settings) or "reflection"
// (hand-written HttpClient + System.Text.Json by reflection). The same source builds against an earlier version of the
// generator, whose clients serialized by reflection, for bench/cold-start.sh's comparison with another checkout.
using var http = new HttpClient(new CannedHandler()) { BaseAddress = new Uri("http://127.0.0.1/") };
var calendar = args.Length > 0 && args[0] == "reflection"
    ? (await http.GetFromJsonAsync<Calendar>("api/v1/groups/4/calendars/11", new JsonSerializerOptions(JsonSerializerDefaults.Web)))!
    : await new CalendarsApiClient(http).GetCalendar(4, 11);
Console.WriteLine(calendar.Name);
