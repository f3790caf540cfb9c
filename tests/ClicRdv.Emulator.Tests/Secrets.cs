using System.Linq;
using ClicRdv.Runtime;
using ClicRdv.Testing;

namespace ClicRdv.Emulator.Tests;

/// <summary>Takes the emulator's apikey and its users' passwords (clear and hashed) out of a text meant for a message.</summary>
internal static class Secrets
{
    public static string Redact(string text, ClicRdvEmulator emulator) => emulator.Users
        .SelectMany(user => new[] { (user.Password, "<password>"), (LoginForm.PasswordSha1(user.Password), "<password sha1>") })
        .Prepend((emulator.ApiKey, "<apikey>"))
        .Aggregate(text, (redacted, secret) => redacted.Replace(secret.Item1, secret.Item2, System.StringComparison.Ordinal));
}
