using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ClicRdv.Emulator.Pipeline.Validation;
using NJsonSchema;
using Xunit;

namespace ClicRdv.Emulator.Tests;

/// <summary>
/// Values at and past the bounds, sent raw in the query, the path, the form and the JSON body: each gets its documented
/// answer or a 400 with the JSON error body that names what is wrong, never a 500 or a hang, and the emulator keeps
/// answering another request sent at the same time.
/// </summary>
public sealed class EmulatorBoundsTests : EmulatorTest
{
    private const string Slots = "/api/v1/groups/4/availabletimeslots?intervention_ids[]=22";

    private static readonly Dictionary<string, BadRequest> Cases = new BadRequest[]
    {
        // Numbers past a bound or past int64, in the query and the path.
        new("results beyond int32", "GET", "/api/v1/groups/4/calendars?results=99999999999", Reason: "results"),
        new("results of zero", "GET", "/api/v1/groups/4/calendars?results=0", Reason: "results"),
        new("results beyond the largest page", "GET", "/api/v1/groups/4/fiches?results=1001", Reason: "results"),
        new("startIndex beyond int32", "GET", "/api/v1/groups/4/calendars?startIndex=99999999999", Reason: "startIndex"),
        new("startIndex beyond int64", "GET", "/api/v1/groups/4/calendars?startIndex=99999999999999999999", Reason: "outside the 64-bit integer range"),
        new("nDays beyond what a date can add", "GET", Slots + "&nDays=999999999999", Reason: "nDays"),
        new("nDays beyond the longest window", "GET", Slots + "&nDays=32", Reason: "nDays"),
        new("cal_qty beyond int64", "GET", Slots + "&cal_qty=99999999999999999999", Reason: "outside the 64-bit integer range"),
        new("a query id beyond int64", "GET", "/api/v1/groups/4/vevents?calendar_id=9223372036854775808", Reason: "outside the 64-bit integer range"),
        new("a path id beyond int64", "GET", "/api/v1/groups/4/calendars/99999999999999999999", Reason: "outside the 64-bit integer range"),
        new("a group id beyond int64", "GET", "/api/v1/groups/99999999999999999999/calendars", Reason: "outside the 64-bit integer range"),

        // Dates: out of the years taken, not on the calendar, in other digits, windows backwards or too long.
        new("a start in 9999", "GET", Slots + "&start=9999-12-31%2023:59:59", Reason: "outside the years 1900 to 2099"),
        new("an end in 9999", "GET", Slots + "&end=9999-12-30%2000:00:00", Reason: "outside the years 1900 to 2099"),
        new("a start in 1899", "GET", Slots + "&start=1899-12-31%2023:59:59", Reason: "outside the years 1900 to 2099"),
        new("February 30", "GET", Slots + "&start=2026-02-30%2010:00:00", Reason: "not a real date"),
        new("hour 24", "GET", Slots + "&start=2026-03-03%2024:00:00", Reason: "not a real date"),
        new("Arabic-Indic digits", "GET", Slots + "&start=٢٠٢٦-٠٣-٠٣ ١٠:٠٠:٠٠", Reason: "not a real date"),
        new("an end before the start", "GET", Slots + "&start=2026-03-05%2000:00:00&end=2026-03-04%2000:00:00", Reason: "is not after start"),
        new("an end before now", "GET", Slots + "&end=2026-03-01%2000:00:00", Reason: "is not after start"),
        new("a window over 31 days", "GET", Slots + "&start=2026-03-03%2000:00:00&end=2026-04-03%2000:00:01", Reason: "more than 31 days"),
        new("an event on February 30", "POST", "/api/v1/groups/4/vevents", Json("""{"vevent":{"calendar_id":11,"start":"2026-02-30 10:00:00","end":"2026-03-01 10:00:00"}}"""), "vevent.start"),
        new("a booking in 9999", "POST", "/api/v1/groups/4/appointments", Json("""{"appointment":{"date":"9999-01-04 10:00:00","intervention_ids":[22],"fiche":{"id":31}}}"""), "outside the years 1900 to 2099"),
        new("a birthdate on February 30", "POST", "/api/v1/groups/4/fiches", Json("""{"fiche":{"lastname":"X","birthdate":"2026-02-30"}}"""), "fiche.birthdate"),

        // Numbers in a JSON body.
        new("an integer beyond int64 in a body", "POST", "/api/v1/groups/4/calendars", Json("""{"calendar":{"name":"x","sort":9223372036854775808}}"""), "outside the 64-bit integer range"),
        new("a negative integer beyond int64 in a body", "POST", "/api/v1/groups/4/vevents", Json("""{"vevent":{"calendar_id":-9223372036854775809}}"""), "outside the 64-bit integer range"),
        new("an integer beyond int64 where text is expected", "POST", "/api/v1/groups/4/vevents", Json("""{"vevent":{"calendar_id":11,"text":10000000000000000000}}"""), "outside the 64-bit integer range"),
        new("a fraction for an integer", "POST", "/api/v1/groups/4/calendars", Json("""{"calendar":{"name":"x","sort":1.5}}"""), "calendar.sort"),
        new("an exponent past double", "POST", "/api/v1/groups/4/calendars", Json("""{"calendar":{"name":"x","sort":1e999}}"""), "calendar.sort"),
        new("a flag that is no boolean", "POST", "/api/v1/groups/4/fiches", Json("""{"fiche":{"lastname":"X","rappel_sms":2}}"""), "fiche.rappel_sms"),

        // Long strings: the documented maxLength, else 10000 characters.
        new("a search of 10001 characters", "GET", "/api/v1/groups/4/fiches?search=" + new string('a', 10_001), Reason: "10001 characters long"),
        new("a condition value of 10001 characters", "GET", "/api/v1/groups/4/fiches?conditions[0][field]=lastname&conditions[0][op]=like&conditions[0][value]=" + new string('a', 10_001), Reason: "10001 characters long"),
        new("a name past its maxLength", "POST", "/api/v1/groups/4/calendars", Json("{\"calendar\":{\"name\":\"" + new string('n', 256) + "\"}}"), "more than its maximum of 255"),
        new("comments of 10001 characters", "POST", "/api/v1/groups/4/fiches", Json("{\"fiche\":{\"lastname\":\"X\",\"comments\":\"" + new string('c', 10_001) + "\"}}"), "10001 characters long"),
        new("a form field of 10001 characters", "POST", "/api/v1/sessions/login", Form("pro[email]=" + new string('e', 10_001) + "&pro[password]=" + new string('0', 40)), "10001 characters long"),

        // Text that is not Unicode, or not UTF-8.
        new("a lone surrogate in a value", "POST", "/api/v1/groups/4/calendars", Json("""{"calendar":{"name":"\ud800"}}"""), "lone surrogate"),
        new("a lone surrogate in a member name", "POST", "/api/v1/groups/4/calendars", Json("""{"calendar":{"name":"x","\udc00":1}}"""), "lone surrogate"),
        new("a body that is not UTF-8", "POST", "/api/v1/groups/4/calendars", () => Bytes(new byte[] { 0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D }), "not UTF-8"),

        // Duplicate keys where one value is expected.
        new("a JSON member twice", "POST", "/api/v1/groups/4/calendars", Json("""{"calendar":{"name":"a","name":"b"}}"""), "'calendar.name' is given twice"),
        new("the wrapper twice", "POST", "/api/v1/groups/4/calendars", Json("""{"calendar":{"name":"a"},"calendar":{"name":"b"}}"""), "'calendar' is given twice"),
        new("a form field twice", "POST", "/api/v1/sessions/login", Form("pro[email]=a@example.com&pro[email]=b@example.com&pro[password]=" + new string('0', 40)), "'pro[email]' is given 2 times"),
        new("a deepObject key twice", "GET", "/api/v1/groups/4/fiches?conditions[0][field]=lastname&conditions[0][field]=email&conditions[0][op]=%3D&conditions[0][value]=x", Reason: "'conditions[0][field]' is given 2 times"),
        new("a scalar query parameter twice", "GET", "/api/v1/groups/4/calendars?results=5&results=6", Reason: "'results' is given 2 times"),

        // Unknown keys and wrong types.
        new("an unknown deepObject field", "GET", "/api/v1/groups/4/fiches?conditions[0][other]=x", Reason: "not a field of the query parameter 'conditions'"),
        new("an unknown form field", "POST", "/api/v1/sessions/login", Form("pro[name]=x"), "a field 'pro[name]' the document does not describe"),
        new("a number for a string", "POST", "/api/v1/groups/4/calendars", Json("""{"calendar":{"name":5}}"""), "calendar.name"),
        new("a string for a boolean", "POST", "/api/v1/groups/4/calendars", Json("""{"calendar":{"name":"x","deleted":"yes"}}"""), "calendar.deleted"),
        new("text for an integer in the query", "GET", "/api/v1/groups/4/vevents?calendar_id=eleven", Reason: "not an integer"),
        new("a required member missing", "POST", "/api/v1/groups/4/vevents", Json("""{"vevent":{"text":"no calendar"}}"""), "'vevent.calendar_id' is required"),

        // Arrays past 50 items.
        new("51 ids in the query", "GET", Slots + string.Concat(Enumerable.Repeat("&intervention_ids[]=22", 50)), Reason: "51 items, more than its maximum of 50"),
        new("51 services in a booking", "POST", "/api/v1/groups/4/appointments", Json("{\"appointment\":{\"date\":\"2026-03-03 10:00:00\",\"intervention_ids\":[" + string.Join(",", Enumerable.Repeat(22, 51)) + "],\"fiche\":{\"id\":31}}}"), "51 items"),
        new("51 conditions", "GET", "/api/v1/groups/4/fiches?" + string.Join("&", Enumerable.Range(0, 51).Select(index => $"conditions[{index}][field]=id&conditions[{index}][op]=%3E&conditions[{index}][value]=0")), Reason: "51 items"),

        // Bodies over 64 KiB, with a length and without.
        new("a JSON body over 64 KiB", "POST", "/api/v1/groups/4/calendars", Json("{\"calendar\":{\"name\":\"x\",\"city\":\"" + new string('c', 70_000) + "\"}}"), "larger than 65536 bytes"),
        new("a form body over 64 KiB", "POST", "/api/v1/sessions/login", Form("pro[email]=" + new string('e', 70_000)), "larger than 65536 bytes"),
        new("a chunked body over 64 KiB", "POST", "/api/v1/groups/4/calendars", Json(new string(' ', 70_000) + "{}"), "larger than 65536 bytes", Chunked: true),

        // JSON that System.Text.Json reads strictly.
        new("single quotes", "POST", "/api/v1/groups/4/calendars", Json("{'calendar':{'name':'x'}}"), "not valid JSON"),
        new("a trailing comma", "POST", "/api/v1/groups/4/calendars", Json("""{"calendar":{"name":"x",}}"""), "not valid JSON"),
        new("a comment", "POST", "/api/v1/groups/4/calendars", Json("""{"calendar":{"name":"x"} /* note */}"""), "not valid JSON"),
        new("nesting deeper than 64", "POST", "/api/v1/groups/4/calendars", Json("""{"calendar":{"name":"x","city":""" + new string('[', 70) + new string(']', 70) + "}}"), "not valid JSON"),
    }.ToDictionary(bad => bad.Name);

    public static IEnumerable<object[]> CaseNames => Cases.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_value_past_a_bound_is_a_400_with_the_JSON_error_and_another_request_is_still_answered(string name)
    {
        var bad = Cases[name];
        await using var client = new RawClient(Emulator, Pro);

        var refused = client.SendAsync(new HttpMethod(bad.Method), bad.PathAndQuery, bad.Content?.Invoke(), bad.Chunked);
        var meanwhile = client.GetAsync("/api/v1/groups/4/calendars/11");

        Assert.Contains(bad.Reason, (await refused).AssertError(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await meanwhile).Status);
    }

    /// <summary>The keywords the document may state on a query, path or form value, checked generically (the document of today states few).</summary>
    [Theory]
    [InlineData("""{"type":"integer","maximum":1000}""", "1000", "1001", "above its maximum 1000")]
    [InlineData("""{"type":"integer","minimum":1}""", "1", "0", "below its minimum 1")]
    [InlineData("""{"type":"integer","minimum":0,"exclusiveMinimum":true}""", "1", "0", "below its minimum (exclusive) 0")]
    [InlineData("""{"type":"integer","exclusiveMaximum":10}""", "9", "10", "above its maximum (exclusive) 10")]
    [InlineData("""{"type":"integer","multipleOf":15}""", "45", "50", "not a multiple of 15")]
    [InlineData("""{"type":"integer","format":"int64"}""", "9223372036854775807", "9223372036854775808", "outside the 64-bit integer range")]
    [InlineData("""{"type":"number","maximum":1.5}""", "1.5", "1.6", "above its maximum 1.5")]
    [InlineData("""{"type":"string","maxLength":3}""", "abc", "abcd", "more than its maximum of 3")]
    [InlineData("""{"type":"string","minLength":2}""", "ab", "a", "shorter than its minimum of 2")]
    [InlineData("""{"type":"string","pattern":"^(all|[1-9][0-9]{0,2}|1000)$"}""", "1000", "1001", "not matching")]
    [InlineData("""{"type":"string","pattern":"^\\d+$"}""", "123", "١٢٣", "not matching")] // ECMA-262: \d is an ASCII digit
    [InlineData("""{"type":"string","enum":["asc","desc"]}""", "desc", "up", "not one of asc, desc")]
    [InlineData("""{"type":"integer","enum":[6,7]}""", "7", "8", "not one of 6, 7")]
    [InlineData("""{"type":"string","format":"date"}""", "2024-02-29", "2026-02-29", "not a real date")]
    [InlineData("""{"type":"string","format":"date-time"}""", "2026-03-29T02:30:00Z", "2100-01-01T00:00:00Z", "outside the years")]
    [InlineData("""{"type":"boolean"}""", "true", "1", "not a boolean")]
    [InlineData("""{"allOf":[{"$ref":"#/definitions/Small"}],"definitions":{"Small":{"type":"integer","maximum":9}}}""", "9", "10", "above its maximum 9")]
    public async Task A_bound_the_document_states_is_enforced_on_a_value_sent_as_text(string schema, string inside, string outside, string reason)
    {
        var parsed = await JsonSchema.FromJsonAsync(schema);

        Assert.Null(ValueRules.CheckText(parsed, inside));
        Assert.Contains(reason, ValueRules.CheckText(parsed, outside), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"array","maxItems":2,"items":{"type":"integer"}}""", 2, 3, "3 items, more than its maximum of 2")]
    [InlineData("""{"type":"array","minItems":1,"items":{"type":"integer"}}""", 1, 0, "0 items, fewer than its minimum of 1")]
    [InlineData("""{"type":"array","items":{"type":"integer"}}""", 50, 51, "51 items, more than its maximum of 50")]
    public async Task An_item_count_the_document_states_is_enforced_and_50_is_the_default(string schema, int inside, int outside, string reason)
    {
        var facets = SchemaFacets.Of(await JsonSchema.FromJsonAsync(schema));

        Assert.Null(ValueRules.CheckItemCount(facets, inside));
        Assert.Contains(reason, ValueRules.CheckItemCount(facets, outside), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_at_the_bounds_are_taken()
    {
        await using var client = new RawClient(Emulator, Pro);

        var page = await client.GetAsync("/api/v1/groups/4/fiches?results=1000&startIndex=2147483647&search=" + new string('a', 10_000));
        var window = await client.GetAsync(Slots + "&calendar_id=13&start=2026-03-03%2000:00:00&end=2026-04-03%2000:00:00");
        var days = await client.GetAsync(Slots + "&nDays=31&cal_qty=1");
        var longest = await client.SendAsync(HttpMethod.Post, "/api/v1/groups/4/calendars", Json("{\"calendar\":{\"name\":\"" + new string('n', 255) + "\",\"sort\":9223372036854775807}}")());

        Assert.Equal((HttpStatusCode.OK, 0, 1000), (page.Status, page.Json["recordsReturned"]!.GetValue<int>(), page.Json["pageSize"]!.GetValue<int>()));
        Assert.Equal("2026-04-02 17:30:00", window.Json["availabletimeslots"]!.AsArray()[^1]!["start"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, days.Status);
        Assert.Equal(HttpStatusCode.Created, longest.Status);
        Assert.Equal(long.MaxValue, longest.Json["sort"]!.GetValue<long>());
    }

    [Fact]
    public async Task Unicode_and_NUL_are_kept_as_sent_and_unknown_members_are_ignored()
    {
        await using var client = new RawClient(Emulator, Pro);
        const string name = "Zoé 🌸 \u0000 née \"quoted\"";

        var created = await client.SendAsync(HttpMethod.Post, "/api/v1/groups/4/calendars", Json("""{"calendar":{"name":"Zoé 🌸 \u0000 née \"quoted\"","not_in_the_document":1}}""")());
        var found = await client.GetAsync("/api/v1/groups/4/calendars?search=%F0%9F%8C%B8%20%00");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(name, created.Json["name"]!.GetValue<string>());
        Assert.Null(created.Json["not_in_the_document"]);
        Assert.Equal(name, Assert.Single(found.Json["records"]!.AsArray())!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_longest_free_slot_search_over_many_events_does_not_hold_up_other_requests()
    {
        await using var client = new RawClient(Emulator, Pro);
        for (var day = 0; day < 28; day++)
        {
            for (var hour = 9; hour < 18; hour++)
            {
                var start = new DateTime(2026, 3, 3, hour, 0, 0).AddDays(day);
                var created = await client.SendAsync(HttpMethod.Post, "/api/v1/groups/4/vevents", Json("{\"vevent\":{\"calendar_id\":" + (11 + (day + hour) % 3) + ",\"start\":\"" + Local(start) + "\",\"end\":\"" + Local(start.AddMinutes(20)) + "\",\"text\":\"busy\"}}")());
                Assert.Equal(HttpStatusCode.Created, created.Status);
            }
        }

        var searches = Enumerable.Range(0, 4).Select(_ => client.GetAsync(Slots + "&intervention_ids[]=24&nDays=31")).ToList();
        var reads = Enumerable.Range(0, 20).Select(_ => client.GetAsync("/api/v1/groups/4/calendars/11")).ToList();

        Assert.All(await Task.WhenAll(reads), read => Assert.Equal(HttpStatusCode.OK, read.Status));
        Assert.All(await Task.WhenAll(searches), search => Assert.Equal(HttpStatusCode.OK, search.Status));
    }

    [Fact]
    public async Task A_failure_inside_the_pipeline_still_answers_the_JSON_error_body()
    {
        await using var failing = await ClicRdvEmulator.StartAsync(new EmulatorOptions
        {
            TimeProvider = Clock,
            FailRequest = request => request.OperationId == "getCalendar" ? throw new InvalidOperationException("a fault inside the pipeline") : false,
        });
        await using var client = new RawClient(failing, failing.Users[0]);

        var failed = await client.GetAsync("/api/v1/groups/4/calendars/11");
        var next = await client.GetAsync("/api/v1/groups/4/calendars");

        Assert.Contains("a fault inside the pipeline", failed.AssertError(HttpStatusCode.InternalServerError), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    private static string Local(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static Func<HttpContent> Json(string json) => () => RawClient.Json(json);

    private static Func<HttpContent> Form(string form) => () => RawClient.Form(form);

    private static HttpContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>A request past a bound; <see cref="Content"/> makes a fresh body per send, as a content is sent once.</summary>
    private sealed record BadRequest(string Name, string Method, string PathAndQuery, Func<HttpContent>? Content = null, string Reason = "", bool Chunked = false);
}
