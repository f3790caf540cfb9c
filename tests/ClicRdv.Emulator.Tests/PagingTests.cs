using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClicRdv.Emulator.Tests.Api;
using ClicRdv.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace ClicRdv.Emulator.Tests;

/// <summary>The streaming companions x-paging gives each ClicRDV list: every record, page by page, with no request more than needed.</summary>
public sealed class PagingTests(ITestOutputHelper output) : EmulatorTest(output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1000)]
    public async Task Every_customer_is_read_once_in_as_many_pages_as_needed(int pageSize)
    {
        using var clicRdv = Client(ClicRdvAuthentication.Basic);
        var fiches = clicRdv.Create<IFichesApi>();
        var all = (await fiches.ListFiches(4, results: AllRecords.All)).Records!.Select(fiche => fiche.Id).ToList();
        var before = ListRequests();

        var streamed = new List<long>();
        await foreach (var fiche in fiches.ListFichesAllAsync(4, pageSize: pageSize))
        {
            streamed.Add(fiche.Id);
        }

        Assert.True(all.Count > 3, "the demo group needs more than three customers for pages of one to make more than three pages");
        Assert.Equal(all, streamed);
        Assert.Equal((all.Count + pageSize - 1) / pageSize, ListRequests() - before);
        var sizes = Emulator.Requests.Where(request => request.OperationId == "listFiches").Skip(before).Select(request => request.Query.Single(pair => pair.Key == "results").Value).Distinct();
        Assert.Equal(new[] { pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) }, sizes);
    }

    [Fact]
    public async Task An_empty_collection_yields_nothing_after_one_request()
    {
        using var clicRdv = Client(ClicRdvAuthentication.Basic);
        var before = ListRequests();

        var streamed = await clicRdv.Create<IFichesApi>().ListFichesAllAsync(4, search: "nobody-is-called-this", pageSize: 2).ToListAsync();

        Assert.Empty(streamed);
        Assert.Equal(1, ListRequests() - before);
    }

    [Fact]
    public async Task Cancelling_mid_stream_stops_before_the_next_page()
    {
        using var clicRdv = Client(ClicRdvAuthentication.Basic);
        using var cancellation = new CancellationTokenSource();
        var before = ListRequests();
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in clicRdv.Create<IFichesApi>().ListFichesAllAsync(4, pageSize: 2).WithCancellation(cancellation.Token))
            {
                if (++read == 1)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(1, read);
        Assert.Equal(1, ListRequests() - before);
    }

    [Fact]
    public void A_page_size_the_api_refuses_is_refused_before_any_request()
    {
        using var clicRdv = Client(ClicRdvAuthentication.Basic);

        Assert.Throws<ArgumentOutOfRangeException>(() => clicRdv.Create<IFichesApi>().ListFichesAllAsync(4, pageSize: 1001));
        Assert.Throws<ArgumentOutOfRangeException>(() => clicRdv.Create<IFichesApi>().ListFichesAllAsync(4, pageSize: 0));
        Assert.Equal(0, ListRequests());
    }

    private int ListRequests() => Emulator.Requests.Count(request => request.OperationId == "listFiches");
}

internal static class AsyncEnumerables
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
