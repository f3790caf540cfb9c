using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ClicRdv.Generated.Support;
using Refit;
using Xunit;

namespace ClicRdv.ClientSupport.Tests;

public sealed class MultipartBodyTests
{
    [Fact]
    public void A_files_own_content_type_wins_over_the_documents_which_wins_over_octet_stream()
    {
        using var form = new MultipartFormDataContent();

        MultipartBody.AddFile(form, "own", new ByteArrayPart(new byte[] { 1 }, "a.jpg", "image/jpeg"), "image/png");
        MultipartBody.AddFile(form, "documented", new ByteArrayPart(new byte[] { 1 }, "b.png"), "image/png");
        MultipartBody.AddFile(form, "bare", new ByteArrayPart(new byte[] { 1 }, "c.bin"), null);

        Assert.Equal(new[] { "image/jpeg", "image/png", "application/octet-stream" }, form.Select(part => part.Headers.ContentType!.MediaType));
        Assert.Equal(new[] { "a.jpg", "b.png", "c.bin" }, form.Select(part => part.Headers.ContentDisposition!.FileName));
        Assert.Equal(new[] { "own", "documented", "bare" }, form.Select(part => part.Headers.ContentDisposition!.Name));
    }

    [Fact]
    public async Task A_text_field_is_UTF8_text_unless_the_document_names_its_type()
    {
        using var form = new MultipartFormDataContent();

        MultipartBody.AddText(form, "title", "Été", null);
        MultipartBody.AddText(form, "csv", "a,b", "text/csv");

        var parts = form.ToList();
        Assert.Equal("text/plain; charset=utf-8", parts[0].Headers.ContentType!.ToString());
        Assert.Equal("Été", await parts[0].ReadAsStringAsync());
        Assert.Equal("text/csv", parts[1].Headers.ContentType!.ToString());
        Assert.Null(parts[0].Headers.ContentDisposition!.FileName);
    }
}
