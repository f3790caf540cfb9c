using System.Text;
using CsCheck;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>Bodies at and past the 64 KiB bound, and JSON bodies that are not JSON.</summary>
internal static class BodyBreakages
{
    /// <summary>Text that is not JSON, or not the body: cut short, a trailing comma, single quotes, NaN, nothing at all.</summary>
    private static readonly (string Name, System.Func<string, string> Break)[] Malformations =
    {
        ("cut short", text => text[..^1]),
        ("a trailing comma", text => text[..^1] + ",}"),
        ("single quotes", text => text.Replace('"', '\'')),
        ("an unquoted key", text => "{calendar:1}"),
        ("NaN", text => "{\"a\":NaN}"),
        ("an empty body", text => string.Empty),
        ("two documents", text => text + text),
        ("a byte order mark and a control character", text => "\uFEFF\u0001" + text),
    };

    /// <summary>The valid body padded to exactly <paramref name="bytes"/> bytes: whitespace after the JSON value, or empty pairs in a form.</summary>
    public static FuzzRequest Padded(RequestDraft draft, int bytes)
    {
        var text = draft.BodyText ?? string.Empty;
        var padding = bytes - Encoding.UTF8.GetByteCount(text);
        var padded = text + new string(draft.Operation.Body!.IsJson ? ' ' : '&', System.Math.Max(padding, 0));
        var (expected, why) = bytes > RequestDraft.MaxBodyBytes ? (Expectation.BadRequest, $"the body is {bytes} bytes, over 64 KiB") : (Expectation.NotServerError, (string?)null);
        return (draft with { RawBody = padded }).Finish("big-bodies", $"a valid body padded to {bytes} bytes", expected, why);
    }

    public static Gen<FuzzRequest> Malformed(RequestDraft draft) => Gen.OneOf(Malformations).Select(malformation =>
        (draft with { RawBody = malformation.Break(draft.BodyText!) }).Finish("malformed-json", $"a JSON body with {malformation.Name}", Expectation.BadRequest, "the body is not valid JSON"));
}
