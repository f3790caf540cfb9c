using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ClicRdv.Runtime;

/// <summary>
/// Logs in with <c>POST /api/v1/sessions/login</c>: the <c>pro[...]</c> or <c>account[...]</c> fields, form-encoded in
/// the body (which keeps the password's hash out of URLs and logs), the password as its SHA1; the apikey is added to
/// the query by the handler below. The session is the <c>_session_id</c> cookie of the answer.
/// </summary>
internal sealed class SessionLogin
{
    private const string LoginPath = "api/v1/sessions/login";
    private const string CookieName = "_session_id";
    private const int MaxExcerptLength = 512;
    private const int MaxAnswerBytes = 1024 * 1024;

    /// <summary>
    /// Marks the login request, which travels the clients' own pipeline: the session handler gives it the apikey only,
    /// as it must not wait for the session this very request opens.
    /// </summary>
    internal static readonly HttpRequestOptionsKey<bool> IsLogin = new("ClicRdv.Login");

    private readonly Uri _loginAddress;
    private readonly ClicRdvAuthentication _kind;
    private readonly string _email;
    private readonly string _password;
    private readonly string _passwordHash;

    public SessionLogin(Uri apiAddress, ClicRdvAuthentication kind, string email, string password)
    {
        _loginAddress = new Uri(apiAddress, apiAddress.AbsolutePath.TrimEnd('/') + "/" + LoginPath);
        _kind = kind;
        _email = email;
        _password = password;
        _passwordHash = PasswordHash.Sha1Hex(password);
    }

    public Uri Address => _loginAddress;

    public async Task<SessionTicket> LoginAsync(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var prefix = _kind == ClicRdvAuthentication.AccountSession ? "account" : "pro";
        using var request = new HttpRequestMessage(HttpMethod.Post, _loginAddress)
        {
            Content = new FormUrlEncodedContent(new[]
            {
                new KeyValuePair<string, string>(prefix + "[email]", _email),
                new KeyValuePair<string, string>(prefix + "[password]", _passwordHash),
            }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Options.Set(IsLogin, true);

        using var response = await send(request, cancellationToken).ConfigureAwait(false);
        var body = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure($"The ClicRDV login was refused with {(int)response.StatusCode} ({response.ReasonPhrase}).", response.StatusCode, body);
        }

        var profile = ReadProfile(body, response.StatusCode);
        var sessionId = FindSessionCookie(response)
            ?? throw Failure("The ClicRDV login answered without a _session_id cookie.", response.StatusCode, body);
        return new SessionTicket(sessionId, profile);
    }

    /// <summary>The answer as text; a login answer is a small JSON object, so a huge one is refused rather than buffered.</summary>
    private async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxAnswerBytes)
        {
            throw Failure($"The ClicRDV login answer is larger than {MaxAnswerBytes} bytes.", response.StatusCode, null);
        }

        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var body = new System.IO.MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > MaxAnswerBytes)
            {
                throw Failure($"The ClicRDV login answer is larger than {MaxAnswerBytes} bytes.", response.StatusCode, null);
            }

            body.Write(chunk, 0, read);
        }

        // JSON is UTF-8 (RFC 8259), whatever the header says.
        return System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
    }

    private ClicRdvProfile ReadProfile(string body, HttpStatusCode status)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw Failure("The ClicRDV login answer is not JSON.", status, body, exception);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Failure("The ClicRDV login answer is not a JSON object.", status, body);
        }

        if (root.TryGetProperty("error", out var error) && error.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            throw Failure("The ClicRDV login failed: " + Redact(error.ToString()), status, body);
        }

        var key = _kind == ClicRdvAuthentication.AccountSession ? "account" : "pro";
        if (!root.TryGetProperty(key, out var user) || user.ValueKind != JsonValueKind.Object || !TryGetInt64(user, "id", out var id))
        {
            throw Failure($"The ClicRDV login answer has no '{key}' profile with an id.", status, body);
        }

        return new ClicRdvProfile(
            _kind,
            id,
            TryGetInt64(user, "group_id", out var groupId) ? groupId : null,
            GetString(user, "email"),
            GetString(user, "firstname"),
            GetString(user, "lastname"),
            user);
    }

    private static string? FindSessionCookie(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            return null;
        }

        foreach (var cookie in cookies)
        {
            var pair = cookie.Split(';', 2)[0].Trim();
            if (pair.StartsWith(CookieName + "=", StringComparison.Ordinal) && pair.Length > CookieName.Length + 1)
            {
                return pair.Substring(CookieName.Length + 1);
            }
        }

        return null;
    }

    private ClicRdvAuthenticationException Failure(string message, HttpStatusCode? status, string? body, Exception? inner = null)
    {
        var excerpt = string.IsNullOrEmpty(body) ? null : Redact(body.Length > MaxExcerptLength ? body[..MaxExcerptLength] + "…" : body);
        var full = excerpt is null ? message : message + " The server said: " + excerpt;
        return new ClicRdvAuthenticationException(full, status, excerpt, inner);
    }

    /// <summary>Removes the password and its hash from server text, in case the server echoes what it received.</summary>
    private string Redact(string text) =>
        new[] { _password, _passwordHash, Uri.EscapeDataString(_password) }
            .Where(secret => secret.Length > 0)
            .Aggregate(text, (current, secret) => current.Replace(secret, "[redacted]", StringComparison.Ordinal));

    private static bool TryGetInt64(JsonElement element, string name, out long value)
    {
        value = 0;
        if (!element.TryGetProperty(name, out var member))
        {
            return false;
        }

        return member.ValueKind switch
        {
            JsonValueKind.Number => member.TryGetInt64(out value),
            JsonValueKind.String => long.TryParse(member.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String ? member.GetString() : null;
}
