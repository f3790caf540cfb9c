using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ClicRdv.Generated;
using ClicRdv.Runtime;
using Refit;

namespace ClicRdv.Tour;

/// <summary>
/// Calls every operation of the ClicRDV document through the generated clients, checking each answer, then the two
/// errors a user meets first: an ApiException with its content, and a refused booking read as a BookingError. The
/// emulator's tests run it, and so does the Native AOT and trimmed consumer the package tests publish (this file is
/// compiled into both, so it uses no test framework; the generated types come from a global using of each project).
/// </summary>
public static class EveryOperationTour
{
    public static async Task RunAsync(ClicRdvClientFactory clicRdv, string email, string password)
    {
        var login = await clicRdv.Create<ISessionsApi>().Login(new LoginRequest { ProEmail = email, ProPassword = PasswordSha1(password) });
        var gid = login.Pro!.GroupId!.Value;
        Expect.Equal(4, gid);

        var account = await clicRdv.Create<IAccountsApi>().CreateAccount(new AccountRequest { Account = new AccountInput { Email = $"new.{Guid.NewGuid():N}@example.com", GroupId = gid } });
        Expect.Equal(gid, account.GroupId);

        var groups = clicRdv.Create<IGroupsApi>();
        Expect.Equal(gid, Expect.Single((await groups.ListGroups()).Records!).Id);
        Expect.Equal("Salon Démo", (await groups.GetGroup(gid)).Name);
        Expect.Equal(2, (await groups.UpdateGroup(gid, new GroupRequest { Group = new GroupInput { MaxMultirdvs = 2 } })).MaxMultirdvs);

        var calendars = clicRdv.Create<ICalendarsApi>();
        Expect.Equal(3, (await calendars.ListCalendars(gid, calendarsetIds: new[] { 1L })).TotalRecords);
        var calendar = await calendars.CreateCalendar(gid, new CalendarRequest { Calendar = new CalendarInput { Name = "Dana", City = "Lyon" } });
        Expect.Equal("Dana", (await calendars.GetCalendar(gid, calendar.Id)).Name);
        Expect.Equal("Lille", (await calendars.UpdateCalendar(gid, calendar.Id, new CalendarUpdateRequest { Calendar = new CalendarChanges { City = "Lille" } })).City);
        await calendars.DeleteCalendar(gid, calendar.Id);
        Expect.Equal(true, (await calendars.GetCalendar(gid, calendar.Id)).Deleted);

        var calendarsets = clicRdv.Create<ICalendarsetsApi>();
        Expect.Equal(1, (await calendarsets.ListCalendarsets(gid)).TotalRecords);
        var calendarset = await calendarsets.CreateCalendarset(gid, new CalendarsetRequest { Calendarset = new CalendarsetInput { Name = "Stylists" } });
        Expect.Equal("Stylists", (await calendarsets.GetCalendarset(gid, calendarset.Id)).Name);
        await calendarsets.UpdateCalendarset(gid, calendarset.Id, new CalendarsetUpdateRequest { Calendarset = new CalendarsetChanges { Sort = 5 } });
        await calendarsets.DeleteCalendarset(gid, calendarset.Id);

        var interventions = clicRdv.Create<IInterventionsApi>();
        Expect.Equal(3, (await interventions.ListInterventions(gid, interventionsetId: 1)).TotalRecords);
        var intervention = await interventions.CreateIntervention(gid, new InterventionRequest { Intervention = new InterventionInput { Name = "Barbe", Price = 1500 } });
        Expect.Equal((15, "#dddddd"), (intervention.Length, intervention.Colorref));
        Expect.Equal(1500, (await interventions.GetIntervention(gid, intervention.Id)).Price);
        Expect.Equal(20, (await interventions.UpdateIntervention(gid, intervention.Id, new InterventionUpdateRequest { Intervention = new InterventionChanges { Length = 20 } })).Length);
        await interventions.DeleteIntervention(gid, intervention.Id);

        var interventionsets = clicRdv.Create<IInterventionsetsApi>();
        Expect.Equal(2, (await interventionsets.ListInterventionsets(gid)).TotalRecords);
        var interventionset = await interventionsets.CreateInterventionset(gid, new InterventionsetRequest { Interventionset = new InterventionsetInput { Name = "Soins" } });
        Expect.Equal("Soins", (await interventionsets.GetInterventionset(gid, interventionset.Id)).Name);
        await interventionsets.UpdateInterventionset(gid, interventionset.Id, new InterventionsetUpdateRequest { Interventionset = new InterventionsetChanges { Name = "Soins du visage" } });
        await interventionsets.DeleteInterventionset(gid, interventionset.Id);

        var fiches = clicRdv.Create<IFichesApi>();
        Expect.Equal("Martin", Expect.Single((await fiches.ListFiches(gid, search: "sophie")).Records!).Lastname);
        var everyFiche = new System.Collections.Generic.List<Fiche>();
        await foreach (var listed in fiches.ListFichesAllAsync(gid, pageSize: 1))
        {
            everyFiche.Add(listed);
        }

        Expect.Equal<long?>((await fiches.ListFiches(gid, results: AllRecords.All)).TotalRecords, everyFiche.Count);
        var fiche = await fiches.CreateFiche(gid, new FicheRequest { Fiche = new FicheInput { Lastname = "Nouveau", Firstname = "Client", Email = "nouveau@example.com", Str0 = "none" } });
        Expect.Equal("none", (await fiches.GetFiche(gid, fiche.Id)).Str0);
        Expect.Equal("07 00 00 00 00", (await fiches.UpdateFiche(gid, fiche.Id, new FicheRequest { Fiche = new FicheInput { Firstphone = "07 00 00 00 00" } })).Firstphone);
        Expect.Equal<DateOnly?>(new DateOnly(1990, 5, 1), (await fiches.UpdateFiche(gid, fiche.Id, new FicheRequest { Fiche = new FicheInput { Birthdate = new DateOnly(1990, 5, 1) } })).Birthdate);

        // A null member is left out, which keeps the server's value; one marked to be written as null clears it.
        Expect.Equal<DateOnly?>(new DateOnly(1990, 5, 1), (await fiches.UpdateFiche(gid, fiche.Id, new FicheRequest { Fiche = new FicheInput { Firstphone = "07 00 00 00 01" } })).Birthdate);
        Expect.Equal<DateOnly?>(null, (await fiches.UpdateFiche(gid, fiche.Id, new FicheRequest { Fiche = new FicheInput().WriteAsNull(nameof(FicheInput.Birthdate)) })).Birthdate);

        var vevents = clicRdv.Create<IVeventsApi>();
        Expect.Equal(2, (await vevents.ListVevents(gid, calendarId: 11)).TotalRecords);
        var note = await vevents.CreateVevent(gid, new VeventRequest { Vevent = new VeventInput { CalendarId = 12, Start = new DateTime(2026, 3, 4, 0, 0, 0), End = new DateTime(2026, 3, 4, 0, 0, 0), Text = "Inventory", Note = true } });
        Expect.Equal("Inventory", (await vevents.GetVevent(gid, note.Id)).Text);
        await vevents.UpdateVevent(gid, note.Id, new VeventUpdateRequest { Vevent = new VeventChanges { Comments = "count the shampoos" } });
        await vevents.DeleteVevent(gid, note.Id);

        var slots = await clicRdv.Create<IAvailabletimeslotsApi>().GetAvailableTimeSlots(gid, new[] { 22L }, calendarIds: new[] { 12L }, nDays: 2);
        var slot = slots.Availabletimeslots!.First();
        var appointments = clicRdv.Create<IAppointmentsApi>();
        var appointment = await appointments.CreateAppointment(gid, new AppointmentRequest { Appointment = new AppointmentInput { Date = slot.Start, InterventionIds = new() { 22 }, Fiche = new FicheInput { Id = fiche.Id } } });
        Expect.Equal(slot.Start.AddMinutes(30), appointment.End);
        Expect.Equal(appointment.Id, (await appointments.GetAppointment(gid, appointment.Id)).Id);
        Expect.Contains((await appointments.ListAppointments(gid, results: AllRecords.All)).Records!, listed => listed.Id == appointment.Id && listed.Fiche!.Id == fiche.Id);
        await appointments.DeleteAppointment(gid, appointment.Id);

        Expect.Equal(1, (await clicRdv.Create<IProsApi>().ListPros(gid)).TotalRecords);
        Expect.Equal(2, (await clicRdv.Create<ICustomfieldsApi>().ListCustomfields(gid)).TotalRecords);
    }

    /// <summary>A 404 and a refused booking: two ApiExceptions, one read back as the document's BookingError.</summary>
    public static async Task CheckErrorsAsync(ClicRdvClientFactory clicRdv, long gid)
    {
        var missing = await Expect.Throws<ApiException>(() => clicRdv.Create<ICalendarsApi>().GetCalendar(gid, 999999));
        Expect.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Expect.Contains(missing.Content ?? string.Empty, "Calendar 999999 was not found");

        var slot = (await clicRdv.Create<IAvailabletimeslotsApi>().GetAvailableTimeSlots(gid, new[] { 22L }, calendarIds: new[] { 12L }, nDays: 2)).Availabletimeslots!.First();
        var booking = new AppointmentRequest { Appointment = new AppointmentInput { Date = slot.Start, InterventionIds = new() { 22 }, CalendarId = 12, Fiche = new FicheInput { Lastname = "Twice", Email = $"twice.{Guid.NewGuid():N}@example.com" } } };
        var appointments = clicRdv.Create<IAppointmentsApi>();
        await appointments.CreateAppointment(gid, booking);
        var refused = await Expect.Throws<ApiException>(() => appointments.CreateAppointment(gid, booking));
        Expect.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = await refused.GetContentAsAsync<BookingError>();
        Expect.Equal(BookingErrorCode.NotAvailable, error!.Code);
    }

    /// <summary>Checks that fail with what was expected and what came.</summary>
    private static class Expect
    {
        public static void Equal<T>(T expected, T actual)
        {
            if (!System.Collections.Generic.EqualityComparer<T>.Default.Equals(expected, actual))
            {
                throw new InvalidOperationException($"Expected {expected}, got {actual}.");
            }
        }

        public static void True(bool condition)
        {
            if (!condition)
            {
                throw new InvalidOperationException("A check failed.");
            }
        }

        public static T Single<T>(System.Collections.Generic.IEnumerable<T> items)
        {
            var list = items.ToList();
            Equal(1, list.Count);
            return list[0];
        }

        public static void Contains<T>(System.Collections.Generic.IEnumerable<T> items, Func<T, bool> predicate) => True(items.Any(predicate));

        public static void Contains(string text, string part) => True(text.Contains(part, StringComparison.Ordinal));

        public static async Task<TException> Throws<TException>(Func<Task> call)
            where TException : Exception
        {
            try
            {
                await call();
            }
            catch (TException exception)
            {
                return exception;
            }

            throw new InvalidOperationException($"Expected {typeof(TException).Name}, but the call succeeded.");
        }
    }

    /// <summary>The password as the login operation wants it (the runtime's session does this itself).</summary>
    private static string PasswordSha1(string password) =>
#pragma warning disable CA5350 // The API prescribes SHA1.
        Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(password))).ToLowerInvariant();
#pragma warning restore CA5350
}
