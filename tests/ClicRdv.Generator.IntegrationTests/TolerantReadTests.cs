using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Microsoft.AspNetCore.Http;
using Refit;
using Tolerant;
using Xunit;

namespace ClicRdv.Generator.IntegrationTests;

/// <summary>
/// What real servers send besides what their documents say: <c>x-lenient</c> members read from each JSON form of
/// their value, and <c>x-unwrap</c> answers give the caller the record inside the envelope, or a bare one. Against a
/// real Kestrel server on 127.0.0.1, through the generated client with no settings, Refit's, and a caller's serializer.
/// </summary>
public sealed class TolerantReadTests
{
    public static TheoryData<string> Settings => new() { "none", "Refit defaults", "caller's serializer" };

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task A_created_record_is_read_from_its_envelope_or_bare_with_each_form_of_its_values(string settings)
    {
        foreach (var answer in new[]
        {
            """{"records":[{"id":"7","confirmed":1,"from_web":"0","calendar_id":"","zipcode":75002}]}""",
            """{"id":7,"confirmed":"true","from_web":false,"calendar_id":null,"zipcode":"75002"}""",
        })
        {
            await using var server = await Answering(answer);
            var booking = await Client(server, settings).CreateBooking(new Booking { Id = 1, Confirmed = true });

            Assert.Equal((7L, true, (bool?)false, (long?)null, "75002"), (booking.Id, booking.Confirmed, booking.FromWeb, booking.CalendarId, booking.Zipcode));
        }
    }

    [Fact]
    public async Task A_lenient_member_is_written_in_its_documented_type()
    {
        await using var server = await Answering("""{"records":[{"id":1,"confirmed":true}]}""");

        await Client(server, "none").CreateBooking(new Booking { Id = 1, Confirmed = true, FromWeb = false, CalendarId = 11, Zipcode = "75002" });

        Assert.Equal("""{"id":1,"confirmed":true,"from_web":false,"calendar_id":11,"zipcode":"75002"}""", server.LastRequest.Body);
    }

    [Fact]
    public async Task An_envelope_holding_the_record_as_an_object_is_unwrapped()
    {
        await using var server = await Answering("""{"booking":{"id":3,"confirmed":0}}""");

        var booking = await Client(server, "none").GetLatestBooking();

        Assert.Equal((3L, false), (booking.Id, booking.Confirmed));
    }

    [Fact]
    public async Task An_envelope_with_several_records_fails_the_read_with_the_count_and_keeps_the_answer()
    {
        const string answer = """{"records":[{"id":1,"confirmed":true},{"id":2,"confirmed":true}]}""";
        await using var server = await Answering(answer);

        var error = await Assert.ThrowsAsync<ApiException>(() => Client(server, "none").CreateBooking(new Booking { Id = 1, Confirmed = true }));

        Assert.Equal("The answer's 'records' holds 2 records where the document promises one.", Assert.IsType<JsonException>(error.InnerException).Message);
        Assert.Equal(answer, error.Content);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task An_answer_without_a_required_member_fails_naming_the_contract_and_the_member(string settings)
    {
        await using var server = await Answering("""{"records":[{"id":7}]}""");

        var error = await Assert.ThrowsAsync<ApiException>(() => Client(server, settings).CreateBooking(new Booking { Id = 1, Confirmed = true }));

        var reason = Assert.IsType<JsonException>(error.InnerException).Message;
        Assert.Contains("Tolerant.Booking", reason);
        Assert.Contains("'confirmed'", reason);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task A_flags_enum_is_read_and_written_as_its_comma_separated_wire_strings(string settings)
    {
        await using var server = await Answering("""{"records":[{"id":1,"confirmed":true,"moves":"ROCK, SCISSORS"}]}""");

        var booking = await Client(server, settings).CreateBooking(new Booking { Id = 1, Confirmed = true, Moves = MoveType.ROCK | MoveType.PAPER });

        Assert.Equal(MoveType.ROCK | MoveType.SCISSORS, booking.Moves);
        Assert.Contains("\"moves\":\"ROCK,PAPER\"", server.LastRequest.Body);
        Assert.Equal(string.Empty, MoveTypeJsonConverter.ToWireValue(0));
        Assert.Null(MoveTypeJsonConverter.FromWireValue("ROCK,LIZARD"));
    }

    [Fact]
    public async Task A_member_without_x_lenient_stays_strict()
    {
        await using var server = await Answering("""{"id":1,"confirmed":true,"strict_flag":1}""");

        var error = await Assert.ThrowsAsync<ApiException>(() => Client(server, "none").CreateBooking(new Booking { Id = 1, Confirmed = true }));

        Assert.Equal("$.strict_flag", Assert.IsType<JsonException>(error.InnerException).Path);
    }

    private static Task<RecordingServer> Answering(string answer) => RecordingServer.AnsweringAsync(answer, StatusCodes.Status201Created);

    private static BookingsApiClient Client(RecordingServer server, string settings)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        return settings switch
        {
            "none" => new BookingsApiClient(http),
            "Refit defaults" => new BookingsApiClient(http, new RefitSettings()),
            _ => new BookingsApiClient(http, new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions()))),
        };
    }
}
