using System;
using System.Text.Json.Nodes;
using ClicRdv.Emulator.Data;

namespace ClicRdv.Emulator;

/// <summary>
/// The demo the emulator starts with: a hair salon (group 4) with three calendars, services in two categories,
/// customers and a few appointments from tomorrow on; and another business (group 5) its users cannot see, with one
/// record of each kind (so that isolation can be checked against records that exist).
/// </summary>
public static class DemoData
{
    /// <summary>The demo salon's group id.</summary>
    public const long GroupId = 4;

    /// <summary>A group the demo users have no access to.</summary>
    public const long OtherGroupId = 5;

    internal static void Seed(Store store, DateTime now)
    {
        var today = now.Date;
        var created = ClicRdvTime.Write(today.AddDays(-30).AddHours(9));
        store.Locked(tables =>
        {
            tables.Insert("groups", Record(("id", GroupId), ("name", "Salon Démo"), ("inactive", false), ("open", true), ("calendarChoice", 1), ("anyCalendar", true), ("validateEmail", false), ("max_multirdvs", 3)));
            tables.Insert("groups", Record(("id", OtherGroupId), ("name", "Another Business"), ("inactive", false), ("open", true), ("calendarChoice", 0), ("anyCalendar", true), ("validateEmail", false), ("max_multirdvs", 1)));

            tables.Insert("calendarsets", Record(("id", 1), ("group_id", GroupId), ("name", "Coiffeurs"), ("sort", 1), ("deleted", false)));
            foreach (var (id, name, publicName, sort) in new[] { (11L, "Alice", "Alice M.", 1), (12L, "Bruno", "Bruno L.", 2), (13L, "Chloé", "Chloé R.", 3) })
            {
                tables.Insert("calendars", Record(("id", id), ("group_id", GroupId), ("calendarset_id", 1), ("name", name), ("publicname", publicName), ("address", "12 rue de la Paix"), ("zipcode", "75002"), ("city", "Paris"), ("sort", sort), ("deleted", false), ("created_at", created), ("updated_at", created)));
            }

            tables.Insert("calendarsets", Record(("id", 9), ("group_id", OtherGroupId), ("name", "Not yours"), ("sort", 1), ("deleted", false)));
            tables.Insert("calendars", Record(("id", 19), ("group_id", OtherGroupId), ("calendarset_id", 9), ("name", "Not yours"), ("sort", 1), ("deleted", false), ("created_at", created), ("updated_at", created)));
            tables.Insert("interventionsets", Record(("id", 9), ("group_id", OtherGroupId), ("name", "Not yours"), ("sort", 1), ("deleted", false)));
            tables.Insert("interventions", Record(("id", 29), ("group_id", OtherGroupId), ("interventionset_id", 9), ("name", "Not yours"), ("publicname", "Not yours"), ("abbr", "NOT"), ("length", 30), ("colorref", "#dddddd"), ("sort", 1), ("price", 1000), ("deleted", false)));
            tables.Insert("fiches", Record(("id", 39), ("group_id", OtherGroupId), ("lastname", "Other"), ("firstname", "Customer"), ("email", "other.customer@example.com"), ("from_web", false), ("rappel_email", true), ("rappel_sms", false), ("deleted", false)));

            tables.Insert("interventionsets", Record(("id", 1), ("group_id", GroupId), ("name", "Coupes"), ("sort", 1), ("deleted", false)));
            tables.Insert("interventionsets", Record(("id", 2), ("group_id", GroupId), ("name", "Couleurs"), ("sort", 2), ("deleted", false)));
            foreach (var (id, set, name, length, price, color) in new[]
            {
                (21L, 1, "Coupe femme", 45, 3500, "#f4a7b9"),
                (22L, 1, "Coupe homme", 30, 2500, "#a7c7f4"),
                (23L, 1, "Brushing", 30, 2000, "#dddddd"),
                (24L, 2, "Couleur", 90, 6000, "#c7a7f4"),
            })
            {
                tables.Insert("interventions", Record(("id", id), ("group_id", GroupId), ("interventionset_id", set), ("name", name), ("publicname", name), ("abbr", name[..3].ToUpperInvariant()), ("length", length), ("colorref", color), ("sort", (int)(id - 20)), ("price", price), ("deleted", false)));
            }

            foreach (var (id, last, first, email) in new[] { (31L, "Martin", "Sophie", "sophie.martin@example.com"), (32L, "Durand", "Paul", "paul.durand@example.com"), (33L, "Petit", "Léa", "lea.petit@example.com") })
            {
                tables.Insert("fiches", Record(("id", id), ("group_id", GroupId), ("lastname", last), ("firstname", first), ("firstphone", "06 12 34 56 78"), ("email", email), ("from_web", false), ("rappel_email", true), ("rappel_sms", false), ("deleted", false)));
            }

            // A customer deleted in ClicRDV's own screens (the API cannot delete one): lists show it as "$Bernard".
            tables.Insert("fiches", Record(("id", 34), ("group_id", GroupId), ("lastname", "Bernard"), ("firstname", "Marc"), ("firstphone", string.Empty), ("email", string.Empty), ("from_web", true), ("rappel_email", false), ("rappel_sms", false), ("deleted", true)));

            var tomorrow = today.AddDays(1);
            Appointment(tables, 41, 11, 31, 21, tomorrow.AddHours(10), 45);
            Appointment(tables, 42, 12, 32, 22, tomorrow.AddHours(10), 30);
            Appointment(tables, 43, 11, 33, 24, tomorrow.AddHours(14), 90);
            Appointment(tables, 49, 19, 39, 29, tomorrow.AddHours(10), 30);
            tables.Insert("vevents", Record(("id", 44), ("calendar_id", 13), ("start", ClicRdvTime.Write(tomorrow.AddHours(12))), ("end", ClicRdvTime.Write(tomorrow.AddHours(14))), ("text", "Lunch"), ("intervention_id", 0), ("fiche_id", 0), ("from_web", false), ("note", false), ("deleted", false), ("updated_at", created)));

            tables.Insert("pros", Record(("id", 9), ("group_id", GroupId), ("firstname", "Demo"), ("lastname", "Pro"), ("email", "demo@clicrdv.test"), ("cellphone", "06 00 00 00 00"), ("created_at", created), ("updated_at", created), ("synched_at", null)));
            tables.Insert("pros", Record(("id", 19), ("group_id", OtherGroupId), ("firstname", "Other"), ("lastname", "Pro"), ("email", "other@clicrdv.test"), ("cellphone", null), ("created_at", created), ("updated_at", created), ("synched_at", null)));
            tables.Insert("customfields", Record(("id", 69), ("group_id", OtherGroupId), ("model", "Fiche"), ("name", "str0"), ("pro_label", "Notes"), ("pro_position", 1), ("pro_required", false), ("user_label", "Notes"), ("user_position", 1), ("user_required", false), ("user_visible", true), ("deleted", false), ("created_at", created), ("updated_at", created)));
            tables.Insert("customfields", Record(("id", 61), ("group_id", GroupId), ("model", "Fiche"), ("name", "str0"), ("pro_label", "Allergies"), ("pro_position", 1), ("pro_required", false), ("user_label", "Allergies"), ("user_position", 1), ("user_required", false), ("user_visible", true), ("deleted", false), ("created_at", created), ("updated_at", created)));
            tables.Insert("customfields", Record(("id", 62), ("group_id", GroupId), ("model", "Vevent"), ("name", "bool0"), ("pro_label", "First visit"), ("pro_position", 1), ("pro_required", false), ("user_label", "First visit?"), ("user_position", 1), ("user_required", false), ("user_visible", true), ("deleted", false), ("created_at", created), ("updated_at", created)));
            return 0;
        });
    }

    private static void Appointment(Store tables, long id, long calendarId, long ficheId, long interventionId, DateTime start, int minutes) =>
        tables.Insert("vevents", Record(
            ("id", id), ("calendar_id", calendarId), ("start", ClicRdvTime.Write(start)), ("end", ClicRdvTime.Write(start.AddMinutes(minutes))),
            ("text", "Rendez-vous"), ("comments", null), ("intervention_id", interventionId), ("fiche_id", ficheId), ("from_web", true), ("note", false),
            ("deleted", false), ("updated_at", ClicRdvTime.Write(start.AddDays(-2)))));

    private static JsonObject Record(params (string Name, object? Value)[] members)
    {
        var record = new JsonObject();
        foreach (var (name, value) in members)
        {
            record[name] = value switch
            {
                null => null,
                int number => JsonValue.Create((long)number),
                long number => JsonValue.Create(number),
                bool flag => JsonValue.Create(flag),
                string text => JsonValue.Create(text),
                _ => throw new ArgumentException($"Unexpected demo value {value}.", nameof(members)),
            };
        }

        return record;
    }
}
