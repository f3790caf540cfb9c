using System;
using System.Diagnostics.CodeAnalysis;

namespace ClicRdv.Runtime;

/// <summary>
/// The API's scheme, host and port: the only place credentials go. A request's original text is compared with the
/// API's prefix first, which spares parsing the URI a generated client has just built (Uri parses lazily, and that
/// parse is a large share of what the handlers add to a call); any other form gets the full comparison.
/// </summary>
internal sealed class ApiHost
{
    private readonly Uri _address;
    private readonly string _prefix;
    private readonly bool _isSafe;

    public ApiHost(Uri address)
    {
        _address = address ?? throw new ArgumentNullException(nameof(address));
        _prefix = address.GetLeftPart(UriPartial.Authority) + "/";
        _isSafe = TransportGuard.IsSafe(address);
    }

    /// <summary>Whether <paramref name="request"/> goes to the API's scheme, host and port.</summary>
    public bool Matches([NotNullWhen(true)] Uri? request) =>
        request is not null
        && request.IsAbsoluteUri
        && (request.OriginalString.StartsWith(_prefix, StringComparison.Ordinal) || TransportGuard.IsApiHost(request, _address));

    /// <summary>Throws unless credentials may be sent to the API (a request that <see cref="Matches"/> it shares its transport).</summary>
    public void EnsureSafe(bool allowInsecureHttp, string credential)
    {
        if (!allowInsecureHttp && !_isSafe)
        {
            throw TransportGuard.Refusal(_address, credential);
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/> is an address of this API written exactly as <see cref="Uri.AbsoluteUri"/>
    /// would write it: the API's prefix, then only characters a path and query keep as they are (escapes included),
    /// with no fragment and no dot segment to remove.
    /// </summary>
    public bool IsCanonical(string text)
    {
        if (!text.StartsWith(_prefix, StringComparison.Ordinal))
        {
            return false;
        }

        for (var index = _prefix.Length - 1; index < text.Length; index++)
        {
            var character = text[index];
            if (character == '%')
            {
                if (index + 2 >= text.Length || !Uri.IsHexDigit(text[index + 1]) || !Uri.IsHexDigit(text[index + 2]))
                {
                    return false;
                }
            }
            else if (character == '/' && index + 1 < text.Length && text[index + 1] == '.')
            {
                return false;
            }
            else if (!IsKeptAsIs(character))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Unreserved characters, sub-delimiters, ':', '@', '/' and '?' (RFC 3986), which a path or query keeps unescaped.</summary>
    private static bool IsKeptAsIs(char character) =>
        character is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@' or '/' or '?';
}
