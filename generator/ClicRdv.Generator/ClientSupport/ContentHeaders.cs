namespace ClicRdv.Generated.Support;

using System.Net.Http.Headers;

/// <summary>What the content headers of a binary answer say about the file it carries.</summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class ContentHeaders
{
    /// <summary>The file name of <c>Content-Disposition</c>: its <c>filename*</c> (decoded), else its <c>filename</c> without quotes.</summary>
    public static string? FileName(HttpContentHeaders headers) =>
        headers.ContentDisposition is { } disposition
            ? disposition.FileNameStar is { Length: > 0 } decoded ? decoded : disposition.FileName?.Trim('"')
            : null;
}
