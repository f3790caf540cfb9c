using System;
using System.Linq;
using System.Threading.Tasks;
using ClicRdv.Generated;
using ClicRdv.Runtime;
using ClicRdv.Sample.Api;
using Refit;

namespace ClicRdv.Sample;

/// <summary>The sample's story: find the group, its calendars, services and customers (all, then filtered), free slots, book one, fail to book it twice.</summary>
internal static class Scenario
{
    private const int CustomersPerPage = 2;

    public static async Task RunAsync(ClicRdvClientFactory clicRdv, string customerEmail)
    {
        var groupId = await FindGroupAsync(clicRdv);
        var calendars = await clicRdv.Create<ICalendarsApi>().ListCalendars(groupId, results: AllRecords.All);
        Console.WriteLine($"  {calendars.TotalRecords} calendars: {string.Join(", ", calendars.Records!.Where(calendar => calendar.Deleted != true).Select(calendar => calendar.Name))}");

        var services = await clicRdv.Create<IInterventionsApi>().ListInterventions(groupId, sort: "price", dir: SortDirection.Asc);
        foreach (var offered in services.Records!)
        {
            Console.WriteLine($"  service {offered.Id}: {offered.Name}, {offered.Length} min, {offered.Price / 100m:0.00} EUR");
        }

        // Every customer, a few per request: the companion asks for the next page as the loop reaches it.
        var customers = 0;
        await foreach (var fiche in clicRdv.Create<IFichesApi>().ListFichesAllAsync(groupId, pageSize: CustomersPerPage))
        {
            customers++;
        }

        Console.WriteLine($"  {customers} customers, read {CustomersPerPage} per request");

        // A typed condition: the operator from the document's set, the value checked and written as ClicRDV reads it.
        var durands = await clicRdv.Create<IFichesApi>().ListFiches(groupId, conditions: new[] { Condition.In("lastname", "Durand", "Dupont") });
        Console.WriteLine($"  customers named Durand or Dupont: {string.Join(", ", durands.Records!.Select(fiche => $"{fiche.Firstname} {fiche.Lastname}"))}");

        var service = services.Records!.First();
        var slots = await clicRdv.Create<IAvailabletimeslotsApi>().GetAvailableTimeSlots(groupId, new[] { service.Id }, nDays: 7);
        Console.WriteLine($"  {slots.Availabletimeslots!.Count} free slots for '{service.Name}' in the next 7 days; the first is {slots.FirstSlot:yyyy-MM-dd HH:mm}");
        if (slots.Availabletimeslots.Count == 0)
        {
            return;
        }

        var slot = slots.Availabletimeslots[0];
        var booking = new AppointmentRequest
        {
            Appointment = new AppointmentInput
            {
                Date = slot.Start,
                InterventionIds = new() { service.Id },
                CalendarId = slot.CalendarIds![0],
                Comments = "Booked by the ClicRdv.Generated sample",
                Fiche = new FicheInput { Firstname = "Sam", Lastname = "Sample", Email = customerEmail },
            },
        };
        var appointments = clicRdv.Create<IAppointmentsApi>();
        var appointment = await appointments.CreateAppointment(groupId, booking);
        Console.WriteLine($"  booked appointment {appointment.Id}: {appointment.Start:yyyy-MM-dd HH:mm}-{appointment.End:HH:mm} on calendar {appointment.CalendarId} for customer {appointment.FicheId}");

        try
        {
            await appointments.CreateAppointment(groupId, booking);
            Console.WriteLine("  the same slot was booked twice: the server accepted it");
        }
        catch (ApiException<BookingError> refused)
        {
            // The document declares BookingError for a refused booking: the client reads it, no parsing here.
            var error = refused.Error;
            Console.WriteLine($"  booking the same slot again is refused: {(int)refused.StatusCode}, code {error.Code?.Value} ({error.Code}): {error.Error}");
        }
    }

    private static async Task<long> FindGroupAsync(ClicRdvClientFactory clicRdv)
    {
        if (clicRdv.Session is { } session)
        {
            var profile = await session.GetProfileAsync();
            Console.WriteLine($"  logged in as {profile.FirstName} {profile.LastName} ({profile.Email}), group {profile.GroupId}");
            return profile.GroupId!.Value;
        }

        var groups = await clicRdv.Create<IGroupsApi>().ListGroups();
        var group = groups.Records!.First();
        Console.WriteLine($"  group {group.Id}: {group.Name}");
        return group.Id;
    }
}
