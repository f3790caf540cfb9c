using System;
using System.Text.Json;
using System.Threading.Tasks;
using ClicRdv.Runtime.Tests.Api;
using Refit;
using Xunit;

namespace ClicRdv.Runtime.Tests;

/// <summary>ClicRDV's date-times (<c>YYYY-MM-DD HH:MM:SS</c>) are read and written as the API writes them.</summary>
public sealed class JsonTests : IAsyncLifetime
{
    private FakeClicRdv _server = null!;

    public async Task InitializeAsync() => _server = await FakeClicRdv.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Date_times_are_read_in_clicrdv_format_and_in_iso_8601()
    {
        using var factory = new ClicRdvClientFactory(ClientOptions.For(_server, ClicRdvAuthentication.Basic), ApiClients.Factories, ApiJsonContext.Default);

        var calendar = Assert.Single((await factory.Create<ICalendarsApi>().ListCalendars(4)).Records!);

        Assert.Equal(new DateTime(2024, 1, 15, 9, 30, 0), calendar.CreatedAt);
        Assert.Equal(new DateTime(2024, 1, 15, 10, 0, 0), calendar.UpdatedAt);
    }

    [Fact]
    public void Date_times_are_written_without_T_or_offset_and_nulls_are_left_out()
    {
        var json = JsonSerializer.Serialize(
            new AppointmentRequest { Appointment = new AppointmentInput { Date = new DateTime(2017, 2, 28, 11, 35, 0), InterventionIds = new() { 3 }, Fiche = new FicheInput { Email = "a@b.c" } } },
            ClicRdvJson.CreateSerializerOptions(ApiJsonContext.Default));

        Assert.Equal("""{"appointment":{"date":"2017-02-28 11:35:00","intervention_ids":[3],"from_web":true,"fiche":{"email":"a@b.c"}}}""", json);
    }

    [Fact]
    public async Task A_malformed_date_names_the_member_and_the_value()
    {
        using var factory = new ClicRdvClientFactory(ClientOptions.For(_server, ClicRdvAuthentication.Basic), ApiClients.Factories, ApiJsonContext.Default);

        var exception = await Assert.ThrowsAsync<ApiException>(() => factory.Create<ICalendarsApi>().GetCalendar(4, 666));

        var json = Assert.IsType<JsonException>(exception.InnerException);
        Assert.Equal("$.created_at", json.Path);
        Assert.Contains("28/02/2017 11h35", json.Message);
        Assert.Contains("yyyy-MM-dd HH:mm:ss", json.Message);
    }
}
