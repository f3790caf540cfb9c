namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>The credentials a request carries besides the apikey.</summary>
internal enum Credentials
{
    None,
    Basic,
    Session,
}

/// <summary>What the status of the answer must be, besides what every answer must be (not 5xx, in the document).</summary>
internal enum Expectation
{
    /// <summary>Anything but a server error: the request is allowed, or breaks no stated bound.</summary>
    NotServerError,

    /// <summary>400: the request breaks the document or a bound the issue states.</summary>
    BadRequest,

    /// <summary>401: the apikey is missing or given twice.</summary>
    Unauthorized,

    /// <summary>405: the path exists, but not with this method.</summary>
    MethodNotAllowed,

    /// <summary>
    /// 400 from Kestrel itself, with no body: it refuses a NUL in a path before any application sees the request
    /// (README, "The ClicRDV emulator"), so the emulator cannot answer it with the JSON error.
    /// </summary>
    RefusedByKestrel,

    /// <summary>2xx: a request that must succeed (the login, the concurrent probe).</summary>
    Success,
}

/// <summary>A request of the fuzz, as it goes on the wire: its path, query and body are raw text, already encoded.</summary>
/// <param name="Class">The kind of request: valid, or the way it is broken (numbers, dates, missing-keys...).</param>
/// <param name="What">What was done to the request, such as <c>query 'nDays' = 2147483648</c>.</param>
/// <param name="Why">Why <paramref name="Expected"/> is expected, for a refusal.</param>
internal sealed record FuzzRequest(string Class, string What, string Method, string PathAndQuery, string? ContentType, string? Body, Credentials Credentials, Expectation Expected, string? Why)
{
    /// <summary>How to generate this request again: <c>CLICRDV_FUZZ_SEED=&lt;this&gt;</c>.</summary>
    public string Seed { get; init; } = string.Empty;
}
