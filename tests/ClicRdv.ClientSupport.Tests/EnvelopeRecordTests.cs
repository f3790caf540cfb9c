using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ClicRdv.Generated.Support;
using Xunit;

namespace ClicRdv.ClientSupport.Tests;

/// <summary>The one record of an <c>x-unwrap</c> answer, whether the server wraps it or not.</summary>
public sealed class EnvelopeRecordTests
{
    [Theory]
    [InlineData("""{"records":[{"id":7,"note":"é"}]}""")]
    [InlineData("""{"records":{"id":7,"note":"é"}}""")]
    [InlineData("""{"id":7,"note":"é"}""")]
    public async Task The_record_comes_out_of_an_array_of_one_an_object_or_a_bare_answer(string answer)
    {
        using var record = await EnvelopeRecord.UnwrapAsync(Json(answer, "utf-8"), "records", CancellationToken.None);

        Assert.Equal("""{"id":7,"note":"é"}""", await record.ReadAsStringAsync());
        Assert.Equal("utf-8", record.Headers.ContentType!.CharSet);
    }

    [Fact]
    public async Task An_answer_in_another_charset_is_decoded_by_its_charset()
    {
        var latin1 = new ByteArrayContent(Encoding.Latin1.GetBytes("""{"records":[{"note":"é"}]}"""));
        latin1.Headers.ContentType = new("application/json") { CharSet = "iso-8859-1" };

        using var record = await EnvelopeRecord.UnwrapAsync(latin1, "records", CancellationToken.None);

        Assert.Equal("""{"note":"é"}""", Encoding.UTF8.GetString(await record.ReadAsByteArrayAsync()));
    }

    [Theory]
    [InlineData("""{"records":[]}""", 0)]
    [InlineData("""{"records":[{"id":1},{"id":2}]}""", 2)]
    public async Task Any_other_number_of_records_is_an_error_that_says_how_many(string answer, int count)
    {
        var error = await Assert.ThrowsAsync<JsonException>(() => EnvelopeRecord.UnwrapAsync(Json(answer, "utf-8"), "records", CancellationToken.None).AsTask());
        Assert.Equal($"The answer's 'records' holds {count} records where the document promises one.", error.Message);
    }

    private static HttpContent Json(string text, string charset)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new("application/json") { CharSet = charset };
        return content;
    }
}
