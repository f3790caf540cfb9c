using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ClicRdv.Emulator.Tests.Api;
using ClicRdv.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Xunit;
using Xunit.Abstractions;

namespace ClicRdv.Emulator.Tests;

/// <summary>
/// 50 concurrent workers x 200 calls through one registration in session mode, while the emulator fails one request
/// in 20 with 500 and sessions are forced to expire mid-run: no create is sent twice unless the server refused it
/// unprocessed (401), every created record exists exactly once, the only exceptions are the injected 500s, and the
/// logins are one plus one per expiry.
/// </summary>
/// <remarks>
/// The sessions expire at points of the run the workers themselves reach: after each ninth of their calls, every worker
/// waits until all have answered as many, the last one ends the sessions, and all go on at once. An expiry then finds
/// no request in flight, and the next one comes after every request it caused has been replayed; the counts asserted
/// hold whatever the speed of the machine.
/// </remarks>
public sealed class LoadWithFaultsTests(ITestOutputHelper output)
{
    private const int Workers = 50;
    private const int CallsPerWorker = 200;
    private const int FailOneIn = 20;
    private const int Expiries = 8;
    private const string Marker = "load-";

    /// <summary>How long a worker waits at an expiry point for the others before the run counts as hung.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Concurrent_calls_with_injected_faults_and_expiring_sessions_lose_and_duplicate_nothing()
    {
        var routed = 0;
        await using var emulator = await ClicRdvEmulator.StartAsync(new EmulatorOptions
        {
            FailRequest = request => request.OperationId != "login" && Interlocked.Increment(ref routed) % FailOneIn == 0,
        });
        var pro = emulator.Users.First(user => user.Kind == "pro");
        var services = new ServiceCollection();
        services.AddClicRdv(
            options =>
            {
                options.BaseAddress = emulator.BaseAddress;
                options.ApiKey = emulator.ApiKey;
                options.Authentication = ClicRdvAuthentication.ProSession;
                options.Email = pro.Email;
                options.Password = pro.Password;
            },
            ApiClients.Factories, ApiJsonContext.Default);
        await using var provider = services.BuildServiceProvider();
        var gid = pro.GroupId;

        var created = new ConcurrentBag<string>();
        var failedCreates = new ConcurrentBag<string>();
        var unexpected = new ConcurrentBag<Exception>();
        var injectedFailures = 0;
        var callsDone = 0;
        var expiries = 0;
        var expiryPoints = Enumerable.Range(1, Expiries).ToDictionary(
            point => CallsPerWorker * point / (Expiries + 1),
            _ => new MeetingPoint(Workers, () =>
            {
                emulator.ExpireSessions();
                expiries++;
            }));

        // Each worker has a task of its own: all of them must be running for the expiry points to be reached.
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var fiches = provider.GetRequiredService<IFichesApi>();
            var calendars = provider.GetRequiredService<ICalendarsApi>();
            for (var call = 0; call < CallsPerWorker; call++)
            {
                var name = $"{Marker}{worker}-{call}";
                try
                {
                    switch (call % 4)
                    {
                        case 0:
                            var fiche = await fiches.CreateFiche(gid, new FicheRequest { Fiche = new FicheInput { Lastname = name, Firstname = "Load" } });
                            Assert.Equal(name, fiche.Lastname);
                            created.Add(name);
                            break;
                        case 1:
                            Assert.True((await calendars.ListCalendars(gid)).TotalRecords > 0);
                            break;
                        case 2:
                            await fiches.ListFiches(gid, search: $"{Marker}{worker}-");
                            break;
                        default:
                            Assert.Equal(11, (await calendars.GetCalendar(gid, 11)).Id);
                            break;
                    }
                }
                catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.InternalServerError && exception.Content?.Contains("Injected fault", StringComparison.Ordinal) == true)
                {
                    Interlocked.Increment(ref injectedFailures);
                    if (call % 4 == 0)
                    {
                        failedCreates.Add(name);
                    }
                }
                catch (Exception exception)
                {
                    unexpected.Add(exception);
                }

                Interlocked.Increment(ref callsDone);
                if (expiryPoints.TryGetValue(call + 1, out var point))
                {
                    await point.ArriveAsync().WaitAsync(HangGuard);
                }
            }
        })));

        var requests = emulator.Requests;
        var stored = (await provider.GetRequiredService<IFichesApi>().ListFiches(gid, results: AllRecords.All, search: Marker)).Records!
            .Select(fiche => fiche.Lastname!)
            .ToList();
        var processedTwice = requests
            .Where(request => request.OperationId == "createFiche" && request.Status != 401)
            .GroupBy(request => request.Body)
            .Count(group => group.Count() > 1);
        var faults = requests.Count(request => request.Status == 500);
        var refusedUnprocessed = requests.Count(request => request.Status == 401);

        output.WriteLine($"calls: {Workers * CallsPerWorker}, requests received: {requests.Count}, faults injected: {faults}, sessions expired: {expiries}, requests refused as logged out and replayed: {refusedUnprocessed}, logins: {emulator.Logins}, records created: {created.Count}, records lost: {created.Except(stored).Count()}, duplicates: {stored.Count - stored.Distinct().Count()}");
        Assert.Empty(unexpected.Select(exception => exception.ToString()).Take(3));
        Assert.Equal(Workers * CallsPerWorker, Volatile.Read(ref callsDone));

        // Every call is carried out by exactly one request that passes the session check (the first, or its one
        // replay), so the fault hook sees each call once and picks exactly one in FailOneIn.
        Assert.Equal(Workers * CallsPerWorker / FailOneIn, faults);
        Assert.Equal(faults, injectedFailures);
        Assert.Equal(0, processedTwice);
        Assert.Equal(created.OrderBy(name => name, StringComparer.Ordinal), stored.OrderBy(name => name, StringComparer.Ordinal));
        Assert.Empty(failedCreates.Intersect(stored));
        Assert.Equal(Workers * CallsPerWorker / 4, created.Count + failedCreates.Count);
        Assert.Equal(Expiries, expiries);
        Assert.Equal(1 + Expiries, emulator.Logins);

        // Each expiry made at least the first call after it fail as logged out, at most every worker's; each of those
        // requests was replayed once and only once: the requests are the calls, the refused ones, and the logins.
        Assert.InRange(refusedUnprocessed, Expiries, Expiries * Workers);
        Assert.Equal(Workers * CallsPerWorker + refusedUnprocessed + emulator.Logins, requests.Count);
    }
}
