using System;
using System.Net;
using System.Threading.Tasks;
using ClicRdv.Generated;
using ClicRdv.Runtime.Tests.Api;
using ClicRdv.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ClicRdv.Runtime.Tests;

/// <summary>
/// A refused booking, answered by a server on 127.0.0.1 as ClicRDV would, surfaces as a typed
/// <see cref="ApiException{TError}"/> of <see cref="BookingError"/> for each code ClicRDV documents, and for one it
/// does not: that one is kept, as an unknown <see cref="BookingErrorCode"/>, with the server's message and the raw body.
/// </summary>
public sealed class BookingErrorTests : IAsyncLifetime
{
    private RecordingServer _server = null!;
    private string _body = string.Empty;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync(async (_, context) =>
    {
        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(_body);
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>The codes ClicRDV documents, with the rule each names.</summary>
    private static readonly System.Collections.Generic.Dictionary<int, BookingErrorCode> Rules = new()
    {
        [6] = BookingErrorCode.MaxRdvNumber,
        [7] = BookingErrorCode.MintimeBetween,
        [8] = BookingErrorCode.MaxRdvPeriod,
        [9] = BookingErrorCode.MintimeRdv,
        [10] = BookingErrorCode.NotAvailable,
        [11] = BookingErrorCode.EmailAlreadyExists,
        [12] = BookingErrorCode.SameTimeRdv,
        [13] = BookingErrorCode.EmailNotFound,
    };

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(99)]
    public async Task A_refused_booking_names_its_rule_and_keeps_the_message_and_the_body(int code)
    {
        _body = $$"""{"error":"Refused for rule {{code}}","code":{{code}}}""";
        using var clicRdv = new ClicRdvClientFactory(
            new ClicRdvOptions { BaseAddress = _server.BaseAddress, ApiKey = "key", Authentication = ClicRdvAuthentication.Basic, Email = "pro@example.com", Password = "pw" },
            ApiClients.Factories, ApiJsonContext.Default);

        var refused = await Assert.ThrowsAsync<ApiException<BookingError>>(() => clicRdv.Create<IAppointmentsApi>().CreateAppointment(4, new AppointmentRequest
        {
            Appointment = new AppointmentInput { Date = new DateTime(2026, 3, 4, 10, 0, 0), InterventionIds = new() { 21 }, Fiche = new FicheInput { Lastname = "Martin" } },
        }));

        Assert.Equal(code, refused.Error.Code!.Value.Value);
        Assert.Equal(Rules.ContainsKey(code), refused.Error.Code.Value.IsKnown);
        if (Rules.TryGetValue(code, out var rule))
        {
            Assert.Equal(rule, refused.Error.Code);
        }

        Assert.Equal($"Refused for rule {code}", refused.Error.Error);
        Assert.Equal(_body, refused.Content);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
