using System;
using System.Security.Cryptography;
using System.Text;

namespace ClicRdv.Runtime;

/// <summary>The form ClicRDV's session login wants the password in.</summary>
internal static class PasswordHash
{
    /// <summary>The lowercase hex SHA1 of the UTF-8 password: <c>test</c> gives <c>a94a8fe5ccb19ba61c4c0873d391e987982fbbd3</c>.</summary>
    public static string Sha1Hex(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
#pragma warning disable CA5350 // SHA1 is what the API prescribes; it is not used for security here.
        return Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password))).ToLowerInvariant();
#pragma warning restore CA5350
    }
}
