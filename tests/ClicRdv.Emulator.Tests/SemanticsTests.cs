using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ClicRdv.Emulator.Tests.Api;
using ClicRdv.Generated;
using ClicRdv.Runtime;
using Refit;
using Xunit;
using Xunit.Abstractions;

namespace ClicRdv.Emulator.Tests;

/// <summary>The documented semantics: collections, soft deletes, free slots and the booking rules.</summary>
public sealed class SemanticsTests(ITestOutputHelper output) : EmulatorTest(output)
{
    [Fact]
    public async Task Collections_page_sort_search_and_filter_with_conditions()
    {
        using var clicRdv = Client(ClicRdvAuthentication.Basic);
        var interventions = clicRdv.Create<IInterventionsApi>();
        var fiches = clicRdv.Create<IFichesApi>();

        var page = await interventions.ListInterventions(4, results: 2, startIndex: 1, sort: "price", dir: SortDirection.Desc);
        var cheap = await interventions.ListInterventions(4, search: "coupe");
        var conditioned = await fiches.ListFiches(4, conditions: new[]
        {
            new Condition { Field = "lastname", Op = ConditionOperator.Like, Value = "%ar%" },
            new Condition { Field = "id", Op = ConditionOperator.NotIn, Value = "32,34" },
        });

        Assert.Equal((4, 1, 2, 2, "price", "desc"), (page.TotalRecords!.Value, page.StartIndex!.Value, page.RecordsReturned!.Value, page.PageSize!.Value, page.Sort, page.Dir));
        Assert.Equal(new[] { "Coupe femme", "Coupe homme" }, page.Records!.Select(service => service.Name));
        Assert.Equal(2, cheap.TotalRecords);
        Assert.Equal(new[] { "Martin" }, conditioned.Records!.Select(fiche => fiche.Lastname));
    }

    [Fact]
    public async Task A_deleted_calendar_is_kept_as_deleted_and_a_put_restores_it()
    {
        using var clicRdv = Client(ClicRdvAuthentication.Basic);
        var calendars = clicRdv.Create<ICalendarsApi>();

        await calendars.DeleteCalendar(4, 13);
        var deleted = await calendars.GetCalendar(4, 13);
        var restored = await calendars.UpdateCalendar(4, 13, new CalendarUpdateRequest { Calendar = new CalendarChanges { Deleted = false } });

        Assert.True(deleted.Deleted);
        Assert.False(restored.Deleted);
        Assert.Equal("Chloé", restored.Name);
    }

    [Fact]
    public async Task Another_groups_records_are_not_found()
    {
        using var clicRdv = Client(ClicRdvAuthentication.Basic);

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => clicRdv.Create<ICalendarsApi>().GetCalendar(4, 19));
        var other = await Assert.ThrowsAnyAsync<ApiException>(() => clicRdv.Create<IGroupsApi>().GetGroup(5));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Free_slots_skip_existing_events_and_a_booked_slot_disappears()
    {
        using var clicRdv = Client(ClicRdvAuthentication.ProSession);
        var slots = clicRdv.Create<IAvailabletimeslotsApi>();
        var tuesday = new DateTime(2026, 3, 3, 0, 0, 0);

        var before = await slots.GetAvailableTimeSlots(4, new[] { 22L }, calendarId: 11, start: tuesday, end: tuesday.AddDays(1));
        var starts = before.Availabletimeslots!.Select(slot => slot.Start).ToList();

        Assert.Equal(tuesday.AddHours(9), before.FirstSlot);
        Assert.DoesNotContain(tuesday.AddHours(10), starts);
        Assert.DoesNotContain(tuesday.AddHours(9).AddMinutes(45), starts);
        Assert.Contains(tuesday.AddHours(10).AddMinutes(45), starts);
        Assert.DoesNotContain(tuesday.AddHours(12), starts);

        await clicRdv.Create<IAppointmentsApi>().CreateAppointment(4, Booking(tuesday.AddHours(9), calendarId: 11, ficheId: 32));
        var after = await slots.GetAvailableTimeSlots(4, new[] { 22L }, calendarId: 11, start: tuesday, end: tuesday.AddDays(1));

        Assert.Equal(tuesday.AddHours(9).AddMinutes(30), after.FirstSlot);
    }

    [Fact]
    public async Task Booking_a_taken_slot_is_refused_with_NotAvailable()
    {
        using var clicRdv = Client(ClicRdvAuthentication.Basic);

        var exception = await Assert.ThrowsAsync<ApiException<BookingError>>(() => clicRdv.Create<IAppointmentsApi>().CreateAppointment(4, Booking(new DateTime(2026, 3, 3, 10, 0, 0), calendarId: 11, ficheId: 33)));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal(BookingErrorCode.NotAvailable, exception.Error.Code);
        Assert.True(exception.Error.Code?.IsKnown);
        Assert.Contains("\"code\"", exception.Content);
    }

    [Fact]
    public async Task A_customer_booked_twice_at_the_same_time_is_refused_with_SameTimeRdv()
    {
        using var clicRdv = Client(ClicRdvAuthentication.Basic);

        // Sophie Martin (31) already has 10:00 with Alice; Chloé is free then.
        var exception = await Assert.ThrowsAsync<ApiException<BookingError>>(() => clicRdv.Create<IAppointmentsApi>().CreateAppointment(4, Booking(new DateTime(2026, 3, 3, 10, 15, 0), calendarId: 13, ficheId: 31)));

        Assert.Equal(BookingErrorCode.SameTimeRdv, exception.Error.Code);
    }

    [Fact]
    public async Task Booking_without_a_calendar_picks_a_free_one_and_creates_the_customer()
    {
        using var clicRdv = Client(ClicRdvAuthentication.Basic);
        var booking = Booking(new DateTime(2026, 3, 3, 10, 0, 0), calendarId: null, ficheId: null);

        var appointment = await clicRdv.Create<IAppointmentsApi>().CreateAppointment(4, booking);

        Assert.Equal(13, appointment.CalendarId);
        Assert.Equal("new.customer@example.com", appointment.Fiche!.Email);
    }

    private static AppointmentRequest Booking(DateTime start, int? calendarId, int? ficheId) => new()
    {
        Appointment = new AppointmentInput
        {
            Date = start,
            InterventionIds = new() { 22 },
            CalendarId = calendarId,
            Fiche = ficheId is null ? new FicheInput { Lastname = "Customer", Email = "new.customer@example.com" } : new FicheInput { Id = ficheId },
        },
    };
}
