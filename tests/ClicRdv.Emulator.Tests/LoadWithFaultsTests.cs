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
public sealed class LoadWithFaultsTests(ITestOutputHelper output)
{
    private const int Workers = 50;
    private const int CallsPerWorker = 200;
    private const int FailOneIn = 20;
    private const int Expiries = 8;
    private const string Marker = "load-";

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
        var gid = (int)pro.GroupId;

        var created = new ConcurrentBag<string>();
        var failedCreates = new ConcurrentBag<string>();
        var unexpected = new ConcurrentBag<Exception>();
        var injectedFailures = 0;
        var callsDone = 0;

        using var running = new CancellationTokenSource();
        var expiring = ExpireSessionsWhileRunningAsync(emulator, () => Volatile.Read(ref callsDone), running.Token);

        await Parallel.ForAsync(0, Workers, new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (worker, _) =>
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
            }
        });
        running.Cancel();
        var expiries = await expiring;

        var session = provider.GetRequiredService<ClicRdvSession>();
        var stored = (await provider.GetRequiredService<IFichesApi>().ListFiches(gid, results: "all", search: Marker)).Records!
            .Select(fiche => fiche.Lastname!)
            .ToList();
        var createRequests = emulator.Requests.Where(request => request.OperationId == "createFiche").ToList();
        var processedTwice = createRequests
            .Where(request => request.Status != 401)
            .GroupBy(request => request.Body)
            .Count(group => group.Count() > 1);
        var faults = emulator.Requests.Count(request => request.Status == 500);

        output.WriteLine($"calls: {Workers * CallsPerWorker}, requests received: {emulator.Requests.Count}, faults injected: {faults}, sessions expired: {expiries}, logins: {session.LoginCount}, records created: {created.Count}, records lost: {created.Except(stored).Count()}, duplicates: {stored.Count - stored.Distinct().Count()}");
        Assert.Empty(unexpected.Select(exception => exception.ToString()).Take(3));
        Assert.Equal(Workers * CallsPerWorker, Volatile.Read(ref callsDone));
        Assert.Equal(faults, injectedFailures);
        Assert.InRange(faults, Workers * CallsPerWorker / FailOneIn - 1, Workers * CallsPerWorker / FailOneIn + Expiries * Workers);
        Assert.Equal(0, processedTwice);
        Assert.Equal(created.OrderBy(name => name, StringComparer.Ordinal), stored.OrderBy(name => name, StringComparer.Ordinal));
        Assert.Empty(failedCreates.Intersect(stored));
        Assert.Equal(Workers * CallsPerWorker / 4, created.Count + failedCreates.Count);
        Assert.Equal(Expiries, expiries);
        Assert.Equal(1 + expiries, session.LoginCount);
        Assert.Equal(session.LoginCount, emulator.Logins);
    }

    /// <summary>
    /// Ends every session at evenly spaced points of the run, and says how many times it did. Each expiry waits for
    /// the login that answered the one before: when this loop is starved long enough for the calls to pass two points,
    /// two expiries in a row could otherwise be answered by a single login.
    /// </summary>
    private static async Task<int> ExpireSessionsWhileRunningAsync(ClicRdvEmulator emulator, Func<int> callsDone, CancellationToken running)
    {
        var expiries = 0;
        var total = Workers * CallsPerWorker;
        while (expiries < Expiries && !running.IsCancellationRequested)
        {
            if (callsDone() >= total * (expiries + 1) / (Expiries + 1) && emulator.Logins > expiries)
            {
                emulator.ExpireSessions();
                expiries++;
            }

            await Task.Delay(5, CancellationToken.None);
        }

        return expiries;
    }
}
