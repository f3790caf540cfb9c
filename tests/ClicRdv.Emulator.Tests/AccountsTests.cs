using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClicRdv.Emulator.Tests.Api;
using ClicRdv.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ClicRdv.Emulator.Tests;

/// <summary>
/// An integrator serving two salons registers two named accounts, each with its own apikey, login and group, here on
/// two emulators that each know only their own salon's key and user: calls of both, interleaved, reach their own
/// salon only. A key sent to the other emulator would be refused (401), a session cookie there would be unknown (401,
/// then a second login), and a profile that crossed over would name the other group.
/// </summary>
public sealed class AccountsTests
{
    private const int CallsPerAccount = 20;

    [Fact]
    public async Task Two_named_accounts_keep_their_own_key_session_and_profile()
    {
        await using var salonA = await ClicRdvEmulator.StartAsync(Salon("salon-a-key", new EmulatorUser("pro", 9, DemoData.GroupId, "a@salon.test", "password-a", "Anne", "A")));
        await using var salonB = await ClicRdvEmulator.StartAsync(Salon("salon-b-key", new EmulatorUser("pro", 19, DemoData.OtherGroupId, "b@salon.test", "password-b", "Bob", "B")));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Account("salon-a", salonA).Concat(Account("salon-b", salonB))).Build();
        var services = new ServiceCollection();
        services.AddClicRdv("salon-a", configuration, ApiClients.Factories, ApiJsonContext.Default);
        services.AddClicRdv("salon-b", configuration, ApiClients.Factories, ApiJsonContext.Default);
        await using var provider = services.BuildServiceProvider();

        var calendarNames = await Task.WhenAll(new[] { "salon-a", "salon-b" }.Select(async account =>
        {
            var session = provider.GetRequiredKeyedService<ClicRdvSession>(account);
            var calendars = provider.GetRequiredKeyedService<ICalendarsApi>(account);
            var gid = (await session.GetProfileAsync()).GroupId!.Value;
            var names = new HashSet<string>();
            for (var call = 0; call < CallsPerAccount; call++)
            {
                names.UnionWith((await calendars.ListCalendars(gid)).Records!.Select(calendar => calendar.Name!));
            }

            return (gid, names);
        }));

        Assert.Equal(DemoData.GroupId, calendarNames[0].gid);
        Assert.Equal(DemoData.OtherGroupId, calendarNames[1].gid);
        Assert.DoesNotContain("Not yours", calendarNames[0].names);
        Assert.Equal(new[] { "Not yours" }, calendarNames[1].names);
        foreach (var (salon, key) in new[] { (salonA, "salon-a-key"), (salonB, "salon-b-key") })
        {
            Assert.Equal(1, salon.Logins);
            Assert.Equal(1 + CallsPerAccount, salon.Requests.Count);
            Assert.All(salon.Requests, request => Assert.Equal(200, request.Status));
            Assert.All(salon.Requests, request => Assert.Equal(key, Assert.Single(request.Query, pair => pair.Key == "apikey").Value));
        }
    }

    private static EmulatorOptions Salon(string apiKey, EmulatorUser user) => new() { ApiKey = apiKey, Users = new[] { user } };

    /// <summary>The <c>ClicRdv:{account}</c> section of one salon.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> Account(string account, ClicRdvEmulator salon)
    {
        var user = salon.Users.Single();
        return new Dictionary<string, string?>
        {
            [$"ClicRdv:{account}:BaseAddress"] = salon.BaseAddress.ToString(),
            [$"ClicRdv:{account}:ApiKey"] = salon.ApiKey,
            [$"ClicRdv:{account}:Email"] = user.Email,
            [$"ClicRdv:{account}:Password"] = user.Password,
        };
    }
}
