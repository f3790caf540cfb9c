using System;
using System.Linq;
using ClicRdv.Emulator;
using ClicRdv.Runtime;
using ClicRdv.Sample;
using ClicRdv.Sample.Api;
using Microsoft.Extensions.Configuration;

// With no arguments: a local ClicRDV emulator is started and the scenario runs against it, with a session, then with
// Basic. With --base-url, --apikey, --email and --password (or CLICRDV_BASE_URL, CLICRDV_APIKEY, CLICRDV_EMAIL,
// CLICRDV_PASSWORD, or user secrets ClicRdv:BaseAddress...) it runs against that server, such as the real sandbox.
var settings = new ConfigurationBuilder()
    .AddUserSecrets(typeof(Scenario).Assembly, optional: true)
    .AddEnvironmentVariables("CLICRDV_")
    .AddCommandLine(args, new System.Collections.Generic.Dictionary<string, string>
    {
        ["--base-url"] = "BASE_URL",
        ["--apikey"] = "APIKEY",
        ["--email"] = "EMAIL",
        ["--password"] = "PASSWORD",
    })
    .Build();

ClicRdvEmulator? emulator = null;
Uri baseAddress;
string apiKey, email, password;
if (settings["BASE_URL"] is { } remote)
{
    baseAddress = new Uri(remote);
    apiKey = settings["APIKEY"] ?? throw new ArgumentException("--apikey (or CLICRDV_APIKEY) is required with --base-url.");
    email = settings["EMAIL"] ?? throw new ArgumentException("--email (or CLICRDV_EMAIL) is required with --base-url.");
    password = settings["PASSWORD"] ?? throw new ArgumentException("--password (or CLICRDV_PASSWORD) is required with --base-url.");
    Console.WriteLine($"Running against {baseAddress}");
}
else
{
    emulator = await ClicRdvEmulator.StartAsync();
    var pro = emulator.Users.First(user => user.Kind == "pro");
    (baseAddress, apiKey, email, password) = (emulator.BaseAddress, emulator.ApiKey, pro.Email, pro.Password);
    Console.WriteLine($"Started the local ClicRDV emulator on {baseAddress}");
}

try
{
    foreach (var authentication in new[] { ClicRdvAuthentication.ProSession, ClicRdvAuthentication.Basic })
    {
        Console.WriteLine($"With {authentication} authentication:");
        using var clicRdv = new ClicRdvClientFactory(
            new ClicRdvOptions { BaseAddress = baseAddress, ApiKey = apiKey, Authentication = authentication, Email = email, Password = password },
            ApiClients.Factories, ApiJsonContext.Default);
        await Scenario.RunAsync(clicRdv, $"sam.sample+{authentication.ToString().ToLowerInvariant()}@example.com");
    }

    if (emulator is not null)
    {
        Console.WriteLine($"The emulator answered {emulator.Requests.Count} requests, made {emulator.Logins} login(s), and refused {emulator.Requests.Count(request => request.Status >= 400)} (the duplicate bookings).");
    }

    Console.WriteLine("Done.");
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}
