// The program of the package tests' published consumers (Native AOT and trimmed): every operation of the ClicRDV
// document in one authentication mode, then an ApiException with its content and a refused booking. Not compiled
// by the test project: the test copies it, with tests/ClicRdv.Emulator.Tests/EveryOperationTour.cs, into the consumer.
global using MyApp;
using ClicRdv.Runtime;
using ClicRdv.Tour;

// Arguments: base address, apikey, email, password, authentication mode.
var mode = Enum.Parse<ClicRdvAuthentication>(args[4]);
var options = new ClicRdvOptions { BaseAddress = new Uri(args[0]), ApiKey = args[1], Authentication = mode, Email = args[2], Password = args[3] };
using var clicRdv = new ClicRdvClientFactory(options, ApiClients.Factories, ApiJsonContext.Default);
await EveryOperationTour.RunAsync(clicRdv, args[2], args[3]);
await EveryOperationTour.CheckErrorsAsync(clicRdv, 4);
Console.WriteLine($"{mode}: every operation answered as expected, and both errors too");
