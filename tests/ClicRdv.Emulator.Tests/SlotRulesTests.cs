using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ClicRdv.Emulator.Data;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClicRdv.Emulator.Tests;

/// <summary>
/// Free slots lie inside opening hours (Monday to Saturday, 09:00-12:00 and 14:00-18:00) in Paris wall-clock time, with
/// the emulator's clock at the edges: just before closing, near and at midnight, and on both sides of the last Sundays of
/// March and October, when Paris changes its offset. Calendar 13 has nothing booked in opening hours; service 22 lasts 30 minutes.
/// </summary>
public sealed class SlotRulesTests
{
    private const string Format = "yyyy-MM-dd HH:mm:ss";

    [Theory]
    [InlineData("2026-03-03T16:20:00Z", "2026-03-03 17:30:00")] // Tuesday 17:20: the last slot that ends at closing time
    [InlineData("2026-03-03T16:31:00Z", "2026-03-04 09:00:00")] // 17:31: a 30-minute slot no longer fits before 18:00
    [InlineData("2026-03-03T22:10:00Z", "2026-03-04 09:00:00")] // 23:10: nothing at 23:30, whose end at midnight once passed the closing check
    [InlineData("2026-03-03T23:00:00Z", "2026-03-04 09:00:00")] // midnight in Paris
    [InlineData("2026-03-28T08:10:00Z", "2026-03-28 09:15:00")] // Saturday 09:10 CET (UTC+1), the day before the spring change
    [InlineData("2026-03-30T07:10:00Z", "2026-03-30 09:15:00")] // Monday 09:10 CEST (UTC+2), the day after it
    [InlineData("2026-03-28T16:50:00Z", "2026-03-30 09:00:00")] // Saturday 17:50: the next slot is past the closed Sunday and the change
    [InlineData("2026-10-24T07:10:00Z", "2026-10-24 09:15:00")] // Saturday 09:10 CEST, the day before the autumn change
    [InlineData("2026-10-26T08:10:00Z", "2026-10-26 09:15:00")] // Monday 09:10 CET, the day after it
    [InlineData("2026-10-24T15:50:00Z", "2026-10-26 09:00:00")] // Saturday 17:50 CEST: past the closed Sunday and the change
    public async Task The_first_slot_is_the_next_start_in_Paris_time_that_fits_in_opening_hours(string utcNow, string firstSlot)
    {
        await using var emulator = await StartAt(utcNow);
        await using var client = new RawClient(emulator, emulator.Users[0]);

        var answer = (await client.GetAsync("/api/v1/groups/4/availabletimeslots?intervention_ids[]=22&calendar_id=13&nDays=3")).Json;

        Assert.Equal(firstSlot, answer["firstSlot"]!.GetValue<string>());
        AssertInsideOpeningHours(Starts(answer), TimeSpan.FromMinutes(30));
    }

    [Theory]
    [InlineData("2026-03-27T11:00:00Z", "2026-03-28 00:00:00", "2026-03-31 00:00:00", "2026-03-28", "2026-03-30")]
    [InlineData("2026-10-23T10:00:00Z", "2026-10-24 00:00:00", "2026-10-27 00:00:00", "2026-10-24", "2026-10-26")]
    public async Task A_window_across_a_change_of_offset_offers_every_opening_slot_of_each_open_day(string utcNow, string start, string end, string saturday, string monday)
    {
        await using var emulator = await StartAt(utcNow);
        await using var client = new RawClient(emulator, emulator.Users[0]);

        var starts = Starts((await client.GetAsync($"/api/v1/groups/4/availabletimeslots?intervention_ids[]=22&calendar_id=13&start={start}&end={end}")).Json);

        // 09:00 to 11:30 and 14:00 to 17:30, every 15 minutes: 11 and 15 starts.
        var expected = new[] { saturday, monday }.SelectMany(day => OpeningStarts(DateTime.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal(expected, starts);
        Assert.Equal(52, starts.Count);
    }

    [Fact]
    public async Task Over_the_longest_window_every_slot_of_every_service_lies_inside_opening_hours()
    {
        await using var emulator = await StartAt("2026-03-02T20:40:00Z");
        await using var client = new RawClient(emulator, emulator.Users[0]);

        foreach (var (service, minutes) in new[] { (21, 45), (22, 30), (24, 90) })
        {
            var starts = Starts((await client.GetAsync($"/api/v1/groups/4/availabletimeslots?intervention_ids[]={service}&nDays=31")).Json);

            AssertInsideOpeningHours(starts, TimeSpan.FromMinutes(minutes));
            Assert.Equal(26, starts.Select(start => start.Date).Distinct().Count()); // March 3 to April 1, Sundays out
        }
    }

    [Fact]
    public async Task The_last_slot_before_closing_can_be_booked_and_one_past_closing_or_at_night_cannot()
    {
        await using var emulator = await StartAt("2026-03-03T16:20:00Z");
        await using var client = new RawClient(emulator, emulator.Users[0]);

        var last = await Book(client, "2026-03-03 17:30:00");
        var pastClosing = await Book(client, "2026-03-04 17:45:00");
        var atNight = await Book(client, "2026-03-04 23:30:00");

        Assert.Equal(HttpStatusCode.Created, last.Status);
        Assert.Equal("2026-03-03 18:00:00", last.Json["records"]![0]!["end"]!.GetValue<string>());
        foreach (var refused in new[] { pastClosing, atNight })
        {
            refused.AssertError(HttpStatusCode.BadRequest);
            Assert.Equal(10, refused.Json["code"]!.GetValue<int>());
        }
    }

    [Fact]
    public void The_built_in_Paris_rule_agrees_with_the_system_time_zone_on_every_change_from_1996_to_2099()
    {
        var system = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var instants = Enumerable.Range(1996, 2099 - 1996 + 1)
            .SelectMany(year => new[] { LastSunday(year, 3), LastSunday(year, 10) })
            .SelectMany(sunday => Enumerable.Range(-24, 48).Select(hour => new DateTimeOffset(sunday, TimeSpan.Zero).AddHours(hour).AddMinutes(30)));

        var differences = instants.Where(instant => ParisTimeZone.BuiltIn.GetUtcOffset(instant) != system.GetUtcOffset(instant)).ToList();

        Assert.Empty(differences);
    }

    private static async Task<ClicRdvEmulator> StartAt(string utcNow) =>
        await ClicRdvEmulator.StartAsync(new EmulatorOptions { TimeProvider = new FakeTimeProvider(DateTimeOffset.Parse(utcNow, CultureInfo.InvariantCulture)) });

    private static Task<RawAnswer> Book(RawClient client, string date) => client.SendAsync(
        HttpMethod.Post,
        "/api/v1/groups/4/appointments",
        RawClient.Json("{\"appointment\":{\"date\":\"" + date + "\",\"intervention_ids\":[22],\"calendar_id\":13,\"fiche\":{\"id\":33}}}"));

    private static List<DateTime> Starts(System.Text.Json.Nodes.JsonNode answer) =>
        answer["availabletimeslots"]!.AsArray().Select(slot => DateTime.ParseExact(slot!["start"]!.GetValue<string>(), Format, CultureInfo.InvariantCulture)).ToList();

    private static IEnumerable<DateTime> OpeningStarts(DateTime day) =>
        Enumerable.Range(0, 11).Select(step => day.AddHours(9).AddMinutes(15 * step))
            .Concat(Enumerable.Range(0, 15).Select(step => day.AddHours(14).AddMinutes(15 * step)));

    private static void AssertInsideOpeningHours(IEnumerable<DateTime> starts, TimeSpan length)
    {
        foreach (var start in starts)
        {
            var end = start + length;
            var inside = start.DayOfWeek != DayOfWeek.Sunday && end.Date == start.Date
                && ((start.TimeOfDay >= TimeSpan.FromHours(9) && end.TimeOfDay <= TimeSpan.FromHours(12))
                    || (start.TimeOfDay >= TimeSpan.FromHours(14) && end.TimeOfDay <= TimeSpan.FromHours(18)));
            Assert.True(inside, $"The slot {start.ToString(Format, CultureInfo.InvariantCulture)} of {length.TotalMinutes} minutes is outside opening hours.");
        }
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
