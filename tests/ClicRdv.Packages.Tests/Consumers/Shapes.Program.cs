// The program of the package tests' consumer of its own document (shapes.openapi.json, namespace Shapes), published
// with Native AOT and trimmed: discriminated hierarchies read by their discriminator wherever it stands, an unknown
// discriminator kept on the base class, open enums that keep the values the document does not list, and readOnly
// members never sent. Not compiled by the test project: the test copies it into the consumer, and checks what the
// server received.
using System.Text.Json;
using Shapes;

// Argument: the base address of a server that answers each path with a fixed JSON (see PackageTests).
var baseAddress = new Uri(args[0]);
var shapes = new ShapesApiClient(new HttpClient { BaseAddress = baseAddress });

// The same API under another root, where the server answers with a discriminator the document does not list.
var unknownPets = new ShapesApiClient(new HttpClient { BaseAddress = new Uri(baseAddress, "unknown/") });

var pet = await shapes.EchoPet(new Cat { Name = "Tom", Indoor = true });
Check(pet is Puppy { PetType: "puppy", Name: "Bit", AgeInWeeks: 9 }, "EchoPet reads a Puppy whose discriminator stands last", $"{pet.GetType().Name} {pet.PetType} {pet.Name}");

var lizard = await unknownPets.EchoPet(new Pet { Name = "Liz" });
Check(
    lizard.GetType() == typeof(Pet) && lizard is { PetType: "lizard", Name: "Liz" } && lizard.AdditionalProperties?.GetValueOrDefault("scales").ValueKind == JsonValueKind.True,
    "EchoPet reads an unknown discriminator as a Pet that keeps it and its other members",
    $"{lizard.GetType().Name} {lizard.PetType} {lizard.Name} {lizard.AdditionalProperties?.Count}");
await unknownPets.EchoPet(lizard);

var shape = await shapes.EchoShape(new Circle { Radius = 1.5 });
Check(shape is Square { Kind: "Square", Side: 2 }, "EchoShape reads a Square by its schema name", $"{shape.GetType().Name} {shape.Kind}");

var palette = await shapes.EchoPalette(new Palette());
Check(palette.Main is { Value: "purple", IsKnown: false }, "EchoPalette keeps an unlisted color as a member", $"{palette.Main}");
Check(
    palette.All is [{ IsKnown: true } red, { Value: "ultraviolet", IsKnown: false }] && red == Color.Red,
    "EchoPalette keeps an unlisted color in a list",
    string.Join(",", palette.All ?? new()));
Check(palette.ByName?.GetValueOrDefault("a") is { Value: "infrared", IsKnown: false }, "EchoPalette keeps an unlisted color as a dictionary value", string.Join(",", palette.ByName ?? new()));
Check(palette.Level is { Value: 7, IsKnown: false }, "EchoPalette keeps an unlisted priority as a member", $"{palette.Level}");
Check(palette.Levels is [{ IsKnown: true } low, { Value: 99, IsKnown: false }] && low == Priority.Low, "EchoPalette keeps an unlisted priority in a list", string.Join(",", palette.Levels ?? new()));
await shapes.EchoPalette(palette);

var account = await shapes.EchoAccount(new Account { Id = 5, Login = "a", Password = "p", CreatedAt = DateTimeOffset.UnixEpoch });
Check(
    account is { Id: 5, Login: "a", Password: null } && account.CreatedAt == new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero),
    "EchoAccount reads the readOnly id and createdAt from the answer",
    $"{account.Id} {account.Login} {account.Password} {account.CreatedAt:O}");

var holder = await shapes.EchoHolder(new Holder { Ref = "INV-7", Contact = new EmailContact { Email = "a@b.fr" } });
Check(
    holder.Ref is { Int32: 7, String: null } && holder.Contact?.PhoneContact is { Phone: "06" },
    "EchoHolder reads each union as the variant its JSON tells",
    $"{holder.Ref} {holder.Contact}");

Console.WriteLine("shapes: every value read and written as expected");

static void Check(bool passed, string what, string actual)
{
    if (!passed)
    {
        Console.Error.WriteLine($"MISMATCH: {what}; got {actual}");
        Environment.Exit(1);
    }

    Console.WriteLine($"ok: {what}");
}
