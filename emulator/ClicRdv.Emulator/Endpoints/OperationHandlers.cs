using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ClicRdv.Emulator.Data;
using ClicRdv.Emulator.Pipeline;

namespace ClicRdv.Emulator.Endpoints;

/// <summary>The handler of every operation of the document, by operationId.</summary>
internal sealed class OperationHandlers
{
    private static readonly Resource Calendars = new("calendars", "calendar", "Calendar", new[] { "name", "publicname", "city" }, () => new JsonObject { ["sort"] = 0, ["deleted"] = false }, HasTimestamps: true, new Reference("calendarset_id", "calendarsets", "a calendar set"));
    private static readonly Resource Calendarsets = new("calendarsets", "calendarset", "Calendar set", new[] { "name" }, () => new JsonObject { ["sort"] = 0, ["deleted"] = false }, HasTimestamps: false);
    private static readonly Resource Interventions = new("interventions", "intervention", "Service", new[] { "name", "publicname", "abbr" }, () => new JsonObject { ["length"] = 15, ["colorref"] = "#dddddd", ["sort"] = 0, ["deleted"] = false }, HasTimestamps: false, new Reference("interventionset_id", "interventionsets", "a service category"));
    private static readonly Resource Interventionsets = new("interventionsets", "interventionset", "Service category", new[] { "name" }, () => new JsonObject { ["sort"] = 0, ["deleted"] = false }, HasTimestamps: false);
    private static readonly Resource Fiches = new("fiches", "fiche", "Customer", new[] { "lastname", "firstname", "email", "firstphone", "secondphone" }, () => new JsonObject { ["from_web"] = false, ["rappel_email"] = false, ["rappel_sms"] = false, ["deleted"] = false }, HasTimestamps: false) { AsListed = DeletedCustomers.AsListed };
    private static readonly Resource Vevents = new("vevents", "vevent", "Event", new[] { "text", "comments" }, () => new JsonObject { ["intervention_id"] = 0, ["fiche_id"] = 0, ["from_web"] = false, ["note"] = false, ["deleted"] = false }, HasTimestamps: false,
        new Reference("calendar_id", "calendars", "a calendar"), new Reference("intervention_id", "interventions", "a service", ZeroMeansNone: true), new Reference("fiche_id", "fiches", "a customer", ZeroMeansNone: true));
    private static readonly Resource Pros = new("pros", "pro", "Pro", new[] { "lastname", "firstname", "email" }, () => new JsonObject(), HasTimestamps: false);
    private static readonly Resource Customfields = new("customfields", "customfield", "Custom field", new[] { "name", "pro_label", "user_label" }, () => new JsonObject(), HasTimestamps: false);

    private readonly Dictionary<string, Func<ApiCall, ApiResult>> _handlers;

    public OperationHandlers(Store store, TimeProvider clock, SessionEndpoints sessions)
    {
        var resources = new ResourceEndpoints(store, clock);
        var groups = new GroupEndpoints(store);
        var appointments = new AppointmentEndpoints(store, clock);
        var availability = new AvailabilityEndpoints(store, clock);
        _handlers = new Dictionary<string, Func<ApiCall, ApiResult>>(StringComparer.Ordinal)
        {
            ["login"] = sessions.Login,
            ["createAccount"] = groups.CreateAccount,
            ["listGroups"] = groups.List,
            ["getGroup"] = groups.Get,
            ["updateGroup"] = groups.Update,
            ["listAppointments"] = appointments.List,
            ["createAppointment"] = appointments.Create,
            ["getAppointment"] = appointments.Get,
            ["deleteAppointment"] = appointments.Delete,
            ["getAvailableTimeSlots"] = availability.Get,
            ["listPros"] = call => resources.List(call, Pros),
            ["listCustomfields"] = call => resources.List(call, Customfields),
        };

        AddCrud(resources, "Calendar", Calendars, (row, call) => In(call.QueryLongs("calendarset_ids[]"), row.Long("calendarset_id")));
        AddCrud(resources, "Calendarset", Calendarsets, null);
        AddCrud(resources, "Intervention", Interventions, (row, call) => call.QueryLong("interventionset_id") is not { } set || row.Long("interventionset_id") == set);
        AddCrud(resources, "Interventionset", Interventionsets, null);
        AddCrud(resources, "Fiche", Fiches, null);
        AddCrud(resources, "Vevent", Vevents, (row, call) =>
            (call.QueryLong("calendar_id") is not { } calendar || row.Long("calendar_id") == calendar)
            && (call.QueryLong("fiche_id") is not { } fiche || row.Long("fiche_id") == fiche));
    }

    public IEnumerable<string> OperationIds => _handlers.Keys;

    public Func<ApiCall, ApiResult>? Find(string operationId) => _handlers.TryGetValue(operationId, out var handler) ? handler : null;

    /// <summary>list{Name}s, create{Name}, get{Name}, update{Name}, delete{Name}: the operationIds the document gives each resource.</summary>
    private void AddCrud(ResourceEndpoints endpoints, string name, Resource resource, Func<JsonObject, ApiCall, bool>? filter)
    {
        _handlers["list" + name + "s"] = call => endpoints.List(call, resource, filter);
        _handlers["create" + name] = call => endpoints.Create(call, resource);
        _handlers["get" + name] = call => endpoints.Get(call, resource);
        _handlers["update" + name] = call => endpoints.Update(call, resource);
        _handlers["delete" + name] = call => endpoints.Delete(call, resource);
    }

    private static bool In(IReadOnlyList<long> wanted, long value) => wanted.Count == 0 || wanted.Contains(value);
}
