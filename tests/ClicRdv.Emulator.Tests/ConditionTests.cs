using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ClicRdv.Emulator.Tests.Api;
using ClicRdv.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace ClicRdv.Emulator.Tests;

/// <summary>
/// The typed conditions x-condition gives ClicRDV's Condition, sent through the generated client: each operator is
/// accepted by the emulator (which checks requests against the document) and filters as ClicRDV does, dates go in
/// ClicRDV's format and lists comma-joined, and a condition the API would misread is refused before any request.
/// </summary>
public sealed class ConditionTests(ITestOutputHelper output) : EmulatorTest(output)
{
    /// <summary>
    /// Each operator (and each kind of value) on the demo group's customers: 31 Martin, 32 Durand, 33 Petit and 34
    /// Bernard (deleted, from the web); the value the request carries; the customers the list answers.
    /// </summary>
    private static readonly Dictionary<string, (Func<Condition> Condition, string Wire, long[] Expected)> CustomerCases = new()
    {
        ["equal, integer"] = (() => Condition.Equal("id", 32), "32", new long[] { 32 }),
        ["equal, text"] = (() => Condition.Equal("email", "paul.durand@example.com"), "paul.durand@example.com", new long[] { 32 }),
        ["equal, boolean"] = (() => Condition.Equal("from_web", true), "true", new long[] { 34 }),
        ["not equal"] = (() => Condition.NotEqual("id", 32), "32", new long[] { 31, 33, 34 }),
        ["greater than, decimal"] = (() => Condition.GreaterThan("id", 32.5m), "32.5", new long[] { 33, 34 }),
        ["greater than or equal"] = (() => Condition.GreaterThanOrEqual("id", 32), "32", new long[] { 32, 33, 34 }),
        ["less than, double"] = (() => Condition.LessThan("id", 32.0), "32", new long[] { 31 }),
        ["less than or equal"] = (() => Condition.LessThanOrEqual("id", 32), "32", new long[] { 31, 32 }),
        ["like"] = (() => Condition.Like("lastname", "%ar%"), "%ar%", new long[] { 31, 34 }),
        ["not like"] = (() => Condition.NotLike("lastname", "%ar%"), "%ar%", new long[] { 32, 33 }),
        ["in, integers"] = (() => Condition.In("id", 31, 33), "31,33", new long[] { 31, 33 }),
        ["in, texts"] = (() => Condition.In("lastname", new List<string> { "Durand", "Petit" }), "Durand,Petit", new long[] { 32, 33 }),
        ["not in"] = (() => Condition.NotIn("id", 31, 33), "31,33", new long[] { 32, 34 }),
    };

    public static TheoryData<string> CustomerCaseNames => new(CustomerCases.Keys);

    [Theory]
    [MemberData(nameof(CustomerCaseNames))]
    public async Task Each_operator_is_accepted_and_filters_the_customers(string name)
    {
        var (condition, wire, expected) = CustomerCases[name];
        using var clicRdv = Client(ClicRdvAuthentication.Basic);

        var page = await clicRdv.Create<IFichesApi>().ListFiches(4, results: AllRecords.All, conditions: new[] { condition() });

        Assert.Equal(expected, page.Records!.Select(fiche => fiche.Id).Order());
        var request = Emulator.Requests.Single(request => request.OperationId == "listFiches");
        Assert.Equal(200, request.Status);
        Assert.Equal(wire, request.Query.Single(pair => pair.Key == "conditions[0][value]").Value);
    }

    [Fact]
    public async Task Date_times_and_dates_are_sent_in_ClicRDVs_format_and_compare_as_ClicRDV_does()
    {
        using var clicRdv = Client(ClicRdvAuthentication.Basic);
        var vevents = clicRdv.Create<IVeventsApi>();
        var all = (await vevents.ListVevents(4, results: AllRecords.All)).Records!;
        var earliest = all.Min(vevent => vevent.Start!.Value);
        var before = Emulator.Requests.Count;

        var later = await vevents.ListVevents(4, results: AllRecords.All, conditions: new[] { Condition.GreaterThan("start", earliest) });
        var first = await vevents.ListVevents(4, results: AllRecords.All, conditions: new[] { Condition.LessThanOrEqual("start", earliest) });
        var sameDayOrAfter = await vevents.ListVevents(4, results: AllRecords.All, conditions: new[] { Condition.GreaterThanOrEqual("start", DateOnly.FromDateTime(earliest)) });

        Assert.True(all.Count(vevent => vevent.Start > earliest) > 0 && all.Count(vevent => vevent.Start == earliest) > 0, "the demo group needs appointments at different times");
        Assert.Equal(Ids(all.Where(vevent => vevent.Start > earliest)), Ids(later.Records!));
        Assert.Equal(Ids(all.Where(vevent => vevent.Start == earliest)), Ids(first.Records!));
        Assert.Equal(Ids(all.Where(vevent => vevent.Start!.Value.Date >= earliest.Date)), Ids(sameDayOrAfter.Records!));
        var values = Emulator.Requests.Skip(before).Select(request => request.Query.Single(pair => pair.Key == "conditions[0][value]").Value);
        var clock = earliest.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Equal(new[] { clock, clock, clock[..10] }, values);
    }

    [Fact]
    public async Task Several_conditions_are_ANDed_and_the_raw_form_still_works()
    {
        using var clicRdv = Client(ClicRdvAuthentication.Basic);

        var page = await clicRdv.Create<IFichesApi>().ListFiches(4, results: AllRecords.All, conditions: new[]
        {
            Condition.In("id", 31, 32, 33),
            new Condition { Field = "lastname", Op = ConditionOperator.NotLike, Value = "%ar%" },
        });

        Assert.Equal(new long[] { 32, 33 }, page.Records!.Select(fiche => fiche.Id).Order());
    }

    [Fact]
    public async Task The_README_example_runs()
    {
        using var clicRdv = Client(ClicRdvAuthentication.Basic);
        var fiches = clicRdv.Create<IFichesApi>();
        var vevents = clicRdv.Create<IVeventsApi>();
        const long gid = 4;
        var knownEmails = new List<string> { "paul.durand@example.com", "lea.petit@example.com" };

        // As README.md's "Typed conditions" shows it.
        var page = await fiches.ListFiches(gid, conditions: new[]
        {
            Condition.Like("lastname", "Dur%"),
            Condition.NotIn("id", 31, 33),
            Condition.In("email", knownEmails),
        });
        var upcoming = await vevents.ListVevents(gid, conditions: new[] { Condition.GreaterThan("start", new DateTime(2026, 1, 5)) });
        var fromWeb = new List<long>();
        await foreach (var fiche in fiches.ListFichesAllAsync(gid, conditions: new[] { Condition.Equal("from_web", true) }))
        {
            fromWeb.Add(fiche.Id);
        }

        Assert.Equal(new long[] { 32 }, page.Records!.Select(fiche => fiche.Id));
        Assert.Equal((await vevents.ListVevents(gid)).TotalRecords, upcoming.TotalRecords);
        Assert.Equal(new long[] { 34 }, fromWeb);
    }

    [Fact]
    public void A_condition_the_api_would_misread_is_refused_before_any_request()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Condition.In("lastname", "Durand", "Petit, Léa")).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Condition.NotIn("id", Array.Empty<long>())).ParamName);
        Assert.Equal("field", Assert.Throws<ArgumentException>(() => Condition.Equal(" ", "x")).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => Condition.Like("lastname", new string('x', 10_001))).ParamName);
        Assert.Empty(Emulator.Requests);
    }

    private static long[] Ids(IEnumerable<Vevent> vevents) => vevents.Select(vevent => vevent.Id).Order().ToArray();
}
