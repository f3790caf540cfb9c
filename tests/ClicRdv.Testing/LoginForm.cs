using System;
using System.Security.Cryptography;
using System.Text;

namespace ClicRdv.Testing;

/// <summary>What a test needs to log in by hand, written apart from the runtime's own code so that each checks the other.</summary>
public static class LoginForm
{
    /// <summary>The password as ClicRDV's login wants it: the lowercase hex SHA1 of its UTF-8 bytes.</summary>
    public static string PasswordSha1(string password) =>
#pragma warning disable CA5350 // The API prescribes SHA1.
        Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password))).ToLowerInvariant();
#pragma warning restore CA5350
}
