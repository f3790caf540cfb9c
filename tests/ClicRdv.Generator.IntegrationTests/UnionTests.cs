using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Refit;
using Shapes;
using Xunit;

namespace ClicRdv.Generator.IntegrationTests;

/// <summary>
/// Unions without a discriminator against a real Kestrel server on 127.0.0.1 that sends JSON written by hand: told
/// apart by JSON kind (<c>Reference</c>: a string or an integer) and by required members (<c>Contact</c>: an email or a
/// phone), read as their variant, written back as they came; a union no rule tells apart stays a JsonElement.
/// </summary>
public sealed class UnionTests
{
    [Theory]
    [InlineData("""{"ref":"INV-7","contact":{"email":"a@b.fr"}}""", "INV-7", null, "a@b.fr", null)]
    [InlineData("""{"ref":7,"contact":{"phone":"01 23"}}""", null, 7, null, "01 23")]
    public async Task A_union_reads_the_variant_its_JSON_tells_and_writes_it_back_unchanged(string answer, string? text, int? number, string? email, string? phone)
    {
        await using var server = await Answering(answer);
        var client = Client(server);

        var holder = await client.EchoHolder(new Holder());
        await client.EchoHolder(holder);

        Assert.Equal((text, number), (holder.Ref!.String, holder.Ref.Int32));
        Assert.Equal((email, phone), (holder.Contact!.EmailContact?.Email, holder.Contact.PhoneContact?.Phone));
        Assert.Equal(answer, server.LastRequest.Body);
    }

    [Fact]
    public async Task A_union_is_built_from_any_of_its_variants_and_matched()
    {
        await using var server = await Answering("{}");

        await Client(server).EchoHolder(new Holder { Ref = 12, Contact = new PhoneContact { Phone = "06" } });

        Assert.Equal("""{"ref":12,"contact":{"phone":"06"}}""", server.LastRequest.Body);
        Reference reference = "INV-7";
        Assert.Equal("text INV-7", reference.Match(text => "text " + text, number => "number " + number));
        Assert.Equal("INV-7", reference.Value);
    }

    [Theory]
    [InlineData("""{"contact":{"fax":"01"}}""", "A StartObject is none of the variants of Contact: EmailContact (an object with 'email'), PhoneContact (an object with 'phone').", "$.contact")]
    [InlineData("""{"ref":true}""", "A True is none of the variants of Reference: String, Int32.", "$.ref")]
    public async Task A_value_of_no_variant_fails_naming_the_variants_and_where_it_was(string answer, string message, string path)
    {
        await using var server = await Answering(answer);

        var error = await Assert.ThrowsAsync<ApiException>(() => Client(server).EchoHolder(new Holder()));

        var reason = Assert.IsType<JsonException>(error.InnerException);
        Assert.StartsWith(message, reason.Message);
        Assert.Equal(path, reason.Path);
    }

    [Fact]
    public async Task A_union_no_rule_tells_apart_stays_any_JSON_value()
    {
        await using var server = await Answering("""{"any":{"x":"1","y":"2"}}""");

        var holder = await Client(server).EchoHolder(new Holder());

        Assert.Equal("""{"x":"1","y":"2"}""", holder.Any!.Value.GetRawText());
    }

    private static ShapesApiClient Client(RecordingServer server) => new(new HttpClient { BaseAddress = server.BaseAddress });

    private static Task<RecordingServer> Answering(string answer) => RecordingServer.AnsweringAsync(answer);
}
