namespace ClicRdv.Generated.Support;

using System.Net.Http;
using System.Net.Http.Headers;
using Refit;

/// <summary>
/// Adds the parts of a <c>multipart/form-data</c> body, each named after its field. A part's content type is the
/// caller's (a file's), else the one the document's <c>encoding</c> gives the field, else the default of its kind.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class MultipartBody
{
    /// <summary>A file, with its file name; its content type, or the document's, or <c>application/octet-stream</c>.</summary>
    public static void AddFile(MultipartFormDataContent form, string name, MultipartItem file, string? mediaType)
    {
        var content = file.ToContent();
        content.Headers.ContentType ??= new MediaTypeHeaderValue(mediaType ?? "application/octet-stream");
        form.Add(content, name, file.FileName);
    }

    /// <summary>A value as text (<c>text/plain; charset=utf-8</c> unless the document names another type).</summary>
    public static void AddText(MultipartFormDataContent form, string name, string text, string? mediaType) =>
        AddField(form, name, new StringContent(text), mediaType);

    /// <summary>A value already written (JSON, say), whose content type the document's <paramref name="mediaType"/> replaces.</summary>
    public static void AddField(MultipartFormDataContent form, string name, HttpContent content, string? mediaType)
    {
        if (mediaType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        }

        form.Add(content, name);
    }
}
