namespace ClicRdv.Generated.Support;

using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> body, written as <see cref="FormUrlEncodedContent"/> writes one (UTF-8
/// text percent-encoded, spaces as <c>+</c>), that can also carry bytes as they are: a <c>format: binary</c> field's
/// octets, percent-encoded one by one, which no string could hold.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal sealed class FormBody
{
    private const string Hex = "0123456789ABCDEF";

    private readonly StringBuilder _text = new();

    public void Add(string key, string value) => Next(key).Append(Escape(value));

    public void Add(string key, byte[] octets)
    {
        Next(key);
        foreach (var octet in octets)
        {
            if (IsUnreserved(octet))
            {
                _text.Append((char)octet);
            }
            else if (octet == (byte)' ')
            {
                _text.Append('+');
            }
            else
            {
                _text.Append('%').Append(Hex[octet >> 4]).Append(Hex[octet & 0xF]);
            }
        }
    }

    public HttpContent ToContent()
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(_text.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    private StringBuilder Next(string key) => (_text.Length == 0 ? _text : _text.Append('&')).Append(Escape(key)).Append('=');

    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("%20", "+");

    /// <summary>RFC 3986's unreserved characters, the ones <see cref="Uri.EscapeDataString(string)"/> leaves as they are.</summary>
    private static bool IsUnreserved(byte octet) =>
        octet is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~';
}
