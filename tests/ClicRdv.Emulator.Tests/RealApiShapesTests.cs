using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClicRdv.Emulator.Tests.Api;
using ClicRdv.Runtime;
using Xunit;

namespace ClicRdv.Emulator.Tests;

/// <summary>
/// The emulator answers in the shapes the real API was seen to send (the document's [code] facts): a booking in a
/// records envelope of one with the captured members, flags as booleans, "" for a new customer's missing strings, and
/// deleted customers listed with <c>$</c> before their last name. The generated client reads each as a typed value.
/// </summary>
public sealed class RealApiShapesTests : EmulatorTest
{
    private static readonly DateTime Tuesday = new(2026, 3, 3, 0, 0, 0);

    [Fact]
    public async Task A_booking_is_answered_in_a_records_envelope_with_the_captured_members()
    {
        await using var client = new RawClient(Emulator, Pro);

        var answer = await client.SendAsync(HttpMethod.Post, "/api/v1/groups/4/appointments", RawClient.Json(
            """{"appointment":{"date":"2026-03-03 09:00:00","intervention_ids":[22],"calendar_id":11,"fiche":{"lastname":"Neuf"}}}"""));

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var record = Assert.Single(answer.Json["records"]!.AsArray())!.AsObject();
        Assert.Equal(
            new[] { "id", "key", "start", "end", "created_since", "state", "location", "fiche_id", "calendar_id", "intervention_id", "group_id", "group", "calendar", "intervention", "capacity", "resource_id", "websource", "from_web", "intervention_name", "intervention_length", "calendar_name", "group_name", "smsreminder", "comments", "deleted", "updated_at", "fiche" },
            record.Select(member => member.Key));
        Assert.Equal("salon-démo", record["group"]!["urlname"]!.GetValue<string>());
        Assert.True(record["from_web"]!.GetValue<bool>());
        Assert.Equal(30, record["intervention"]!["length"]!.GetValue<long>());
        Assert.Equal(string.Empty, record["fiche"]!["email"]!.GetValue<string>());
        Assert.False(record["fiche"]!["rappel_sms"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_generated_client_returns_the_booked_appointment_from_the_envelope()
    {
        using var clicRdv = Client(ClicRdvAuthentication.Basic);

        var appointment = await clicRdv.Create<IAppointmentsApi>().CreateAppointment(4, new AppointmentRequest
        {
            Appointment = new AppointmentInput { Date = Tuesday.AddHours(9), InterventionIds = new() { 22 }, CalendarId = 11, FromWeb = false, Fiche = new FicheInput { Id = 32 } },
        });

        Assert.True(appointment.Id > 0);
        Assert.Equal((11L, 32L, false), (appointment.CalendarId, appointment.FicheId, appointment.FromWeb));
        Assert.Equal(("Salon Démo", "Alice M.", "Coupe homme", 30L), (appointment.Group!.Name, appointment.Calendar!.Publicname, appointment.InterventionName, appointment.InterventionLength));
        Assert.Equal("Durand", appointment.Fiche!.Lastname);
        var listed = await clicRdv.Create<IAppointmentsApi>().ListAppointments(4, results: AllRecords.All);
        Assert.Contains(listed.Records!, record => record.Id == appointment.Id);
    }

    [Fact]
    public async Task Flags_are_booleans_on_the_wire_and_in_the_contracts()
    {
        await using var client = new RawClient(Emulator, Pro);
        var raw = (await client.GetAsync("/api/v1/groups/4/fiches/31")).Json;
        Assert.Equal((System.Text.Json.JsonValueKind.False, System.Text.Json.JsonValueKind.True), (raw["from_web"]!.GetValueKind(), raw["rappel_email"]!.GetValueKind()));

        using var clicRdv = Client(ClicRdvAuthentication.Basic);
        var fiche = await clicRdv.Create<IFichesApi>().GetFiche(4, 31);
        Assert.Equal(((bool?)false, (bool?)true, (bool?)false), (fiche.FromWeb, fiche.RappelEmail, fiche.RappelSms));
        var group = await clicRdv.Create<IGroupsApi>().GetGroup(4);
        Assert.Equal((int?)1, group.CalendarChoice);
    }

    [Fact]
    public async Task A_deleted_customer_is_listed_with_a_dollar_before_its_last_name_and_read_alone_without()
    {
        using var clicRdv = Client(ClicRdvAuthentication.Basic);
        var fiches = clicRdv.Create<IFichesApi>();

        var listed = (await fiches.ListFiches(4, results: AllRecords.All)).Records!;

        Assert.Equal(("$Bernard", (bool?)true, ""), listed.Where(fiche => fiche.Deleted == true).Select(fiche => (fiche.Lastname, fiche.Deleted, fiche.Email)).Single());
        Assert.All(listed.Where(fiche => fiche.Deleted != true), fiche => Assert.DoesNotContain("$", fiche.Lastname));
        Assert.Equal("Bernard", (await fiches.GetFiche(4, 34)).Lastname);
    }
}
