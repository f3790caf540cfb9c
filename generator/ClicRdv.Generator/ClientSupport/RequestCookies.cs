namespace ClicRdv.Generated.Support;

using System.Text;

/// <summary>
/// Writes the cookie parameters of a request into its one <c>Cookie</c> header, as RFC 6265 (section 4.2.1) has it:
/// <c>name=value</c> pairs joined by <c>"; "</c>. Refit has no cookie attribute, so the generated clients do it.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class RequestCookies
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>
    /// Appends <c>name=value</c>; a null value is left out. A byte the RFC does not allow in a cookie value (controls,
    /// space, <c>"</c>, <c>,</c>, <c>;</c>, <c>\</c>, non-ASCII), or in a name (a token: no separator such as
    /// <c>=</c>), is percent-encoded from UTF-8, and so is <c>%</c>, so that the server can decode what was sent.
    /// </summary>
    public static void Add(ref StringBuilder? header, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        header ??= new StringBuilder();
        if (header.Length > 0)
        {
            header.Append("; ");
        }

        AppendEscaped(header, name, IsTokenByte);
        header.Append('=');
        AppendEscaped(header, value, IsCookieOctet);
    }

    private static void AppendEscaped(StringBuilder builder, string text, System.Func<byte, bool> allowed)
    {
        foreach (var octet in Encoding.UTF8.GetBytes(text))
        {
            if (octet != '%' && allowed(octet))
            {
                builder.Append((char)octet);
            }
            else
            {
                builder.Append('%').Append(HexDigits[octet >> 4]).Append(HexDigits[octet & 0xF]);
            }
        }
    }

    /// <summary>RFC 6265's cookie-octet: US-ASCII but controls, whitespace, DQUOTE, comma, semicolon and backslash.</summary>
    private static bool IsCookieOctet(byte octet) =>
        octet == 0x21 || (octet >= 0x23 && octet <= 0x2B) || (octet >= 0x2D && octet <= 0x3A) || (octet >= 0x3C && octet <= 0x5B) || (octet >= 0x5D && octet <= 0x7E);

    /// <summary>RFC 2616's token, which a cookie name is: visible US-ASCII but separators.</summary>
    private static bool IsTokenByte(byte octet) =>
        octet > 0x20 && octet < 0x7F && "()<>@,;:\\\"/[]?={}".IndexOf((char)octet) < 0;
}
