using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>
/// Sends the fuzz's requests one after the other, and with every fourth of them, at the same time, a probe that must keep
/// being answered (<c>GET /api/v1/groups/4/calendars/11</c>): a request that freezes the emulator shows as probes that
/// go unanswered. Every answer is checked (<see cref="FuzzChecks"/>). The run stops sending at its time cap, or once
/// the probe went unanswered three times in a row.
/// </summary>
internal sealed class FuzzRun(FuzzClient client, string apiKey, FuzzReport report)
{
    /// <summary>Far above a normal run (well under a minute), so that a freezing emulator still ends the test.</summary>
    private static readonly TimeSpan OverallCap = TimeSpan.FromMinutes(3);

    private const int ProbeEvery = 4;

    /// <summary>A frozen emulator: every later request would only wait out its bound.</summary>
    private const int StalledAfter = 3;

    private FuzzRequest Probe => new("probe", "the concurrent probe", "GET", $"/api/v1/groups/4/calendars/11?apikey={Uri.EscapeDataString(apiKey)}", null, null, Credentials.Basic, Expectation.Success, "calendar 11 of group 4 exists");

    public async Task LogInAsync(string email, string password) => await RecordAsync(await client.LogInAsync(apiKey, email, password));

    /// <summary>Lists every collection of the document (a GET on a path that ends with a name) to learn the ids the emulator has.</summary>
    public async Task<KnownIds> DiscoverAsync(IEnumerable<DocumentOperation> operations)
    {
        var ids = new KnownIds();
        var collections = operations
            .Where(operation => operation.Method == "GET" && !operation.Template.EndsWith('}') && !operation.QueryParameters.Any(parameter => parameter.Required))
            .OrderBy(operation => operation.Template.Count(character => character == '/'));
        foreach (var operation in collections)
        {
            var segments = operation.Template.Split('/');
            var path = string.Join("/", segments.Select((segment, index) => segment.StartsWith('{') ? ids.For("id", segments[index - 1]).FirstOrDefault().ToString(System.Globalization.CultureInfo.InvariantCulture) : segment));
            var all = operation.QueryParameters.Any(parameter => parameter.Name == "results") ? "&results=all" : string.Empty;
            var sent = await client.SendAsync(new FuzzRequest("discovery", "lists a collection", "GET", $"{path}?apikey={Uri.EscapeDataString(apiKey)}{all}", null, null, Credentials.Basic, Expectation.Success, "a list of the demo data"));
            await RecordAsync(sent);
            var records = sent.Answer is { Status: 200 } answer ? JsonNode.Parse(answer.Body)?["records"] as JsonArray : null;
            ids.Add(operation.Template, (records ?? new JsonArray()).Select(record => record?["id"]?.GetValue<long>() ?? 0).Where(id => id > 0));
        }

        return ids;
    }

    public async Task SendAllAsync(IReadOnlyList<FuzzRequest> requests)
    {
        var clock = Stopwatch.StartNew();
        var probesUnanswered = 0;
        for (var index = 0; index < requests.Count; index++)
        {
            if (clock.Elapsed > OverallCap || probesUnanswered == StalledAfter)
            {
                report.Skip(requests.Skip(index), probesUnanswered == StalledAfter ? $"the emulator left {StalledAfter} probes in a row unanswered" : $"the run reached its time cap of {OverallCap.TotalSeconds} seconds");
                return;
            }

            var sending = client.SendAsync(requests[index]);
            // Once a probe goes unanswered, every request gets one, so that a frozen emulator is told apart quickly.
            var probing = index % ProbeEvery == 0 || probesUnanswered > 0 ? client.SendAsync(Probe) : null;
            await RecordAsync(await sending);
            if (probing is not null)
            {
                var probe = await probing;
                probesUnanswered = probe.Answer is null ? probesUnanswered + 1 : 0;
                await RecordAsync(probe);
            }
        }
    }

    private async Task RecordAsync(Sent sent) => report.Add(sent, await FuzzChecks.FindingsAsync(sent));
}
