using System;
using System.Linq;
using System.Threading.Tasks;
using ClicRdv.Emulator.Tests.Api;
using ClicRdv.Runtime;
using Xunit;

namespace ClicRdv.Emulator.Tests;

/// <summary>
/// Every operation of the document, called through the generated client and the runtime against the emulator, with
/// each authentication mode. The test fails if the document has an operation the tour did not call successfully.
/// </summary>
public sealed class EveryOperationTests : EmulatorTest
{
    [Theory]
    [InlineData(ClicRdvAuthentication.ProSession)]
    [InlineData(ClicRdvAuthentication.Basic)]
    public async Task Every_operation_succeeds_through_the_generated_client(ClicRdvAuthentication authentication)
    {
        using var clicRdv = Client(authentication);

        await TourAsync(clicRdv);

        var succeeded = Emulator.Requests.Where(request => request.Status is >= 200 and < 300).Select(request => request.OperationId).ToHashSet();
        var missing = Emulator.OperationIds.Where(id => !succeeded.Contains(id)).OrderBy(id => id).ToList();
        Assert.True(missing.Count == 0, "Operations never called successfully: " + string.Join(", ", missing));
        Assert.DoesNotContain(Emulator.Requests, request => request.Status >= 400);
        Assert.Equal(41, Emulator.OperationIds.Count());
    }

    private async Task TourAsync(ClicRdvClientFactory clicRdv)
    {
        var login = await clicRdv.Create<ISessionsApi>().Login(new LoginRequest { ProEmail = Pro.Email, ProPassword = PasswordHash.Sha1Hex(Pro.Password) });
        var gid = login.Pro!.GroupId!.Value;
        Assert.Equal(4, gid);

        var account = await clicRdv.Create<IAccountsApi>().CreateAccount(new AccountRequest { Account = new AccountInput { Email = $"new.{Guid.NewGuid():N}@example.com", GroupId = gid } });
        Assert.Equal(gid, account.GroupId);

        var groups = clicRdv.Create<IGroupsApi>();
        Assert.Equal(gid, Assert.Single((await groups.ListGroups()).Records!).Id);
        Assert.Equal("Salon Démo", (await groups.GetGroup(gid)).Name);
        Assert.Equal(2, (await groups.UpdateGroup(gid, new GroupRequest { Group = new GroupInput { MaxMultirdvs = 2 } })).MaxMultirdvs);

        var calendars = clicRdv.Create<ICalendarsApi>();
        Assert.Equal(3, (await calendars.ListCalendars(gid, calendarsetIds: new[] { 1 })).TotalRecords);
        var calendar = await calendars.CreateCalendar(gid, new CalendarRequest { Calendar = new CalendarInput { Name = "Dana", City = "Lyon" } });
        Assert.Equal("Dana", (await calendars.GetCalendar(gid, calendar.Id)).Name);
        Assert.Equal("Lille", (await calendars.UpdateCalendar(gid, calendar.Id, new CalendarRequest { Calendar = new CalendarInput { City = "Lille" } })).City);
        await calendars.DeleteCalendar(gid, calendar.Id);
        Assert.True((await calendars.GetCalendar(gid, calendar.Id)).Deleted);

        var calendarsets = clicRdv.Create<ICalendarsetsApi>();
        Assert.Equal(1, (await calendarsets.ListCalendarsets(gid)).TotalRecords);
        var calendarset = await calendarsets.CreateCalendarset(gid, new CalendarsetRequest { Calendarset = new CalendarsetInput { Name = "Stylists" } });
        Assert.Equal("Stylists", (await calendarsets.GetCalendarset(gid, calendarset.Id)).Name);
        await calendarsets.UpdateCalendarset(gid, calendarset.Id, new CalendarsetRequest { Calendarset = new CalendarsetInput { Sort = 5 } });
        await calendarsets.DeleteCalendarset(gid, calendarset.Id);

        var interventions = clicRdv.Create<IInterventionsApi>();
        Assert.Equal(3, (await interventions.ListInterventions(gid, interventionsetId: 1)).TotalRecords);
        var intervention = await interventions.CreateIntervention(gid, new InterventionRequest { Intervention = new InterventionInput { Name = "Barbe", Price = 1500 } });
        Assert.Equal((15, "#dddddd"), (intervention.Length, intervention.Colorref));
        Assert.Equal(1500, (await interventions.GetIntervention(gid, intervention.Id)).Price);
        Assert.Equal(20, (await interventions.UpdateIntervention(gid, intervention.Id, new InterventionRequest { Intervention = new InterventionInput { Length = 20 } })).Length);
        await interventions.DeleteIntervention(gid, intervention.Id);

        var interventionsets = clicRdv.Create<IInterventionsetsApi>();
        Assert.Equal(2, (await interventionsets.ListInterventionsets(gid)).TotalRecords);
        var interventionset = await interventionsets.CreateInterventionset(gid, new InterventionsetRequest { Interventionset = new InterventionsetInput { Name = "Soins" } });
        Assert.Equal("Soins", (await interventionsets.GetInterventionset(gid, interventionset.Id)).Name);
        await interventionsets.UpdateInterventionset(gid, interventionset.Id, new InterventionsetRequest { Interventionset = new InterventionsetInput { Name = "Soins du visage" } });
        await interventionsets.DeleteInterventionset(gid, interventionset.Id);

        var fiches = clicRdv.Create<IFichesApi>();
        Assert.Equal("Martin", Assert.Single((await fiches.ListFiches(gid, search: "sophie")).Records!).Lastname);
        var fiche = await fiches.CreateFiche(gid, new FicheRequest { Fiche = new FicheInput { Lastname = "Nouveau", Firstname = "Client", Email = "nouveau@example.com", Str0 = "none" } });
        Assert.Equal("none", (await fiches.GetFiche(gid, fiche.Id)).Str0);
        Assert.Equal("07 00 00 00 00", (await fiches.UpdateFiche(gid, fiche.Id, new FicheRequest { Fiche = new FicheInput { Firstphone = "07 00 00 00 00" } })).Firstphone);

        var vevents = clicRdv.Create<IVeventsApi>();
        Assert.Equal(2, (await vevents.ListVevents(gid, calendarId: 11)).TotalRecords);
        var note = await vevents.CreateVevent(gid, new VeventRequest { Vevent = new VeventInput { CalendarId = 12, Start = new DateTime(2026, 3, 4, 0, 0, 0), End = new DateTime(2026, 3, 4, 0, 0, 0), Text = "Inventory", Note = 1 } });
        Assert.Equal("Inventory", (await vevents.GetVevent(gid, note.Id)).Text);
        await vevents.UpdateVevent(gid, note.Id, new VeventRequest { Vevent = new VeventInput { CalendarId = 12, Comments = "count the shampoos" } });
        await vevents.DeleteVevent(gid, note.Id);

        var slots = await clicRdv.Create<IAvailabletimeslotsApi>().GetAvailableTimeSlots(gid, new[] { 22 }, calendarIds: new[] { 12 }, nDays: 2);
        var slot = slots.Availabletimeslots!.First();
        var appointments = clicRdv.Create<IAppointmentsApi>();
        var appointment = await appointments.CreateAppointment(gid, new AppointmentRequest { Appointment = new AppointmentInput { Date = slot.Start, InterventionIds = new() { 22 }, Fiche = new FicheInput { Id = fiche.Id } } });
        Assert.Equal(slot.Start.AddMinutes(30), appointment.End);
        Assert.Equal(appointment.Id, (await appointments.GetAppointment(gid, appointment.Id)).Id);
        Assert.Contains((await appointments.ListAppointments(gid, results: "all")).Records!, listed => listed.Id == appointment.Id && listed.Fiche!.Id == fiche.Id);
        await appointments.DeleteAppointment(gid, appointment.Id);

        Assert.Equal(1, (await clicRdv.Create<IProsApi>().ListPros(gid)).TotalRecords);
        Assert.Equal(2, (await clicRdv.Create<ICustomfieldsApi>().ListCustomfields(gid)).TotalRecords);
    }
}
