using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Refit;
using Shapes;
using Tolerant;
using Xunit;

namespace ClicRdv.Generator.IntegrationTests;

/// <summary>
/// Which members travel which way, against a real Kestrel server on 127.0.0.1, through the generated clients with no
/// settings, Refit's, and Refit's serializer with a caller's options: <c>readOnly</c> members (<c>Shapes.Account</c>'s id
/// and createdAt) are read from answers and never sent, even when set or echoed back; a <c>writeOnly</c> member
/// (its password) is sent and may be missing from an answer; members marked <c>x-tolerant</c> (<c>Tolerant.Customer</c>'s
/// phone, and every required member of <c>Tolerant.Address</c>) may be missing from an answer and are still sent.
/// </summary>
public sealed class MemberAccessTests
{
    private const string SavedAccount = """{"id":7,"login":"ann","createdAt":"2024-05-01T10:00:00+00:00"}""";

    public static TheoryData<string> Settings => new() { "none", "Refit defaults", "caller's options" };

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task A_request_never_carries_readOnly_members_even_when_set_and_carries_writeOnly_ones(string settings)
    {
        await using var server = await Answering(SavedAccount);
        var client = Accounts(server, settings);

        await client.EchoAccount(new Account { Id = 3, Login = "ann", Password = "secret", CreatedAt = DateTimeOffset.UnixEpoch });

        Assert.Equal("""{"login":"ann","password":"secret"}""", server.LastRequest.Body);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task An_answer_fills_readOnly_members_reads_without_the_writeOnly_one_and_echoing_it_sends_neither_readOnly_member(string settings)
    {
        await using var server = await Answering(SavedAccount);
        var client = Accounts(server, settings);

        var account = await client.EchoAccount(new Account { Login = "ann" });
        await client.EchoAccount(account);

        Assert.Equal((7L, "ann", (string?)null, (DateTimeOffset?)new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero)), (account.Id, account.Login, account.Password, account.CreatedAt));
        Assert.Equal("""{"login":"ann"}""", server.LastRequest.Body);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task An_answer_without_a_required_readOnly_member_fails_naming_the_contract_and_the_member(string settings)
    {
        await using var server = await Answering("""{"login":"ann"}""");

        var error = await Assert.ThrowsAsync<ApiException>(() => Accounts(server, settings).EchoAccount(new Account { Login = "ann" }));

        var reason = Assert.IsType<JsonException>(error.InnerException).Message;
        Assert.Contains("Shapes.Account", reason);
        Assert.Contains("'id'", reason);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task An_answer_without_x_tolerant_members_reads_and_they_keep_their_initial_value(string settings)
    {
        await using var server = await Answering("""{"id":5,"name":"Ann","address":{"street":"1 rue de la Paix"}}""");

        var customer = await Customers(server, settings).SaveCustomer(new Customer { Id = 5, Name = "Ann", Phone = "0102030405" });

        Assert.Equal((5L, "Ann", (string?)null), (customer.Id, customer.Name, (string?)customer.Phone));
        Assert.Equal(("1 rue de la Paix", (string?)null), (customer.Address!.Street, (string?)customer.Address.City));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task A_request_carries_x_tolerant_members(string settings)
    {
        await using var server = await Answering("""{"id":5,"name":"Ann"}""");

        await Customers(server, settings).SaveCustomer(
            new Customer { Id = 5, Name = "Ann", Phone = "0102030405", Address = new Address { Street = "1 rue de la Paix", City = "Paris" } });

        Assert.Equal("""{"id":5,"name":"Ann","phone":"0102030405","address":{"street":"1 rue de la Paix","city":"Paris"}}""", server.LastRequest.Body);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task An_answer_without_a_required_member_that_is_not_x_tolerant_still_fails(string settings)
    {
        await using var server = await Answering("""{"id":5,"phone":"0102030405"}""");

        var error = await Assert.ThrowsAsync<ApiException>(() => Customers(server, settings).SaveCustomer(new Customer { Id = 5, Name = "Ann" }));

        var reason = Assert.IsType<JsonException>(error.InnerException).Message;
        Assert.Contains("Tolerant.Customer", reason);
        Assert.Contains("'name'", reason);
        Assert.DoesNotContain("'phone'", reason);
    }

    private static Task<RecordingServer> Answering(string answer) => RecordingServer.AnsweringAsync(answer);

    private static ShapesApiClient Accounts(RecordingServer server, string settings) =>
        Refit(settings) is { } refit ? new(Http(server), refit) : new(Http(server));

    private static CustomersApiClient Customers(RecordingServer server, string settings) =>
        Refit(settings) is { } refit ? new(Http(server), refit) : new(Http(server));

    private static HttpClient Http(RecordingServer server) => new() { BaseAddress = server.BaseAddress };

    /// <summary>The client's settings; null for none (the document's defaults).</summary>
    private static RefitSettings? Refit(string settings) => settings switch
    {
        "none" => null,
        "Refit defaults" => new RefitSettings(),
        _ => new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions())),
    };
}
