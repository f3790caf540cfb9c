using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using ClicRdv.Benchmarks.Api;
using Refit;

namespace ClicRdv.Benchmarks;

/// <summary>The same three operations written by hand for Refit, whose own source generator implements it.</summary>
public interface IRefitCalendarsApi
{
    [Get("/api/v1/groups/{gid}/calendars")]
    Task<CalendarCollection> ListCalendars(int gid, CancellationToken cancellationToken = default);

    [Get("/api/v1/groups/{gid}/calendars/{id}")]
    Task<Calendar> GetCalendar(int gid, int id, CancellationToken cancellationToken = default);

    [Post("/api/v1/groups/{gid}/calendars")]
    Task<Calendar> CreateCalendar(int gid, [Body] CalendarRequest body, CancellationToken cancellationToken = default);
}

/// <summary>
/// The same three operations written by hand with HttpClient and System.Text.Json: the floor to compare with. Given
/// options whose resolver is <see cref="HandwrittenJsonContext"/>, it serializes through the System.Text.Json source
/// generator's metadata instead of reflection: the practical limit for generated metadata.
/// </summary>
public sealed class HandwrittenCalendarsClient(HttpClient httpClient, JsonSerializerOptions options)
{
    public async Task<CalendarCollection> ListCalendars(int gid, CancellationToken cancellationToken = default) =>
        (await httpClient.GetFromJsonAsync<CalendarCollection>($"api/v1/groups/{gid}/calendars", options, cancellationToken).ConfigureAwait(false))!;

    public async Task<Calendar> GetCalendar(int gid, int id, CancellationToken cancellationToken = default) =>
        (await httpClient.GetFromJsonAsync<Calendar>($"api/v1/groups/{gid}/calendars/{id}", options, cancellationToken).ConfigureAwait(false))!;

    public async Task<Calendar> CreateCalendar(int gid, CalendarRequest body, CancellationToken cancellationToken = default)
    {
        using var response = await httpClient.PostAsJsonAsync($"api/v1/groups/{gid}/calendars", body, options, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Calendar>(options, cancellationToken).ConfigureAwait(false))!;
    }
}

/// <summary>The System.Text.Json source generator's metadata for the contracts the hand-written client uses, with the web defaults.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CalendarCollection))]
[JsonSerializable(typeof(Calendar))]
[JsonSerializable(typeof(CalendarRequest))]
public sealed partial class HandwrittenJsonContext : JsonSerializerContext;
