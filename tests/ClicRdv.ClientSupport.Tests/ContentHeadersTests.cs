using System.Net.Http;
using System.Net.Http.Headers;
using ClicRdv.Generated.Support;
using Xunit;

namespace ClicRdv.ClientSupport.Tests;

public sealed class ContentHeadersTests
{
    [Theory]
    [InlineData("attachment; filename=\"report 2024.pdf\"", "report 2024.pdf")]
    [InlineData("attachment; filename=plain.csv", "plain.csv")]
    [InlineData("attachment; filename=\"fallback.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9.txt", "résumé.txt")]
    [InlineData("inline", null)]
    public void The_file_name_is_Content_Dispositions_decoded_filename_star_else_its_filename(string disposition, string? expected)
    {
        using var content = new ByteArrayContent(new byte[1]);
        content.Headers.ContentDisposition = ContentDispositionHeaderValue.Parse(disposition);

        Assert.Equal(expected, ContentHeaders.FileName(content.Headers));
    }

    [Fact]
    public void An_answer_without_Content_Disposition_has_no_file_name()
    {
        using var content = new ByteArrayContent(new byte[1]);

        Assert.Null(ContentHeaders.FileName(content.Headers));
    }
}
