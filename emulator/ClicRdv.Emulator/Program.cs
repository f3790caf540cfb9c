using System;
using System.Linq;
using ClicRdv.Emulator;

// Standalone: dotnet run --project emulator/ClicRdv.Emulator [-- --urls http://127.0.0.1:5080]
var urlIndex = Array.IndexOf(args, "--urls");
var options = new EmulatorOptions { Url = urlIndex >= 0 && urlIndex + 1 < args.Length ? args[urlIndex + 1] : "http://127.0.0.1:5080" };
ClicRdvEmulator started;
try
{
    started = await ClicRdvEmulator.StartAsync(options);
}
catch (EmulatorAddressInUseException busy)
{
    // One line a user can act on, not Kestrel's stack trace.
    Console.Error.WriteLine(busy.Message);
    return 1;
}

await using var emulator = started;
Console.WriteLine($"ClicRDV emulator on {emulator.BaseAddress} (apikey: {emulator.ApiKey})");
foreach (var user in emulator.Users)
{
    Console.WriteLine($"  {user.Kind} user {user.Email} / {user.Password} (group {user.GroupId})");
}

Console.WriteLine("Press Ctrl+C to stop.");
await emulator.WaitForShutdownAsync();
Console.WriteLine($"Stopped after {emulator.Requests.Count} requests ({emulator.Requests.Count(request => request.Status >= 400)} refused).");
return 0;
