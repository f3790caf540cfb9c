using System.Net.Http;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Microsoft.AspNetCore.Http;
using ThreeOne;
using Xunit;

namespace ClicRdv.Generator.IntegrationTests;

/// <summary>
/// The client of an OpenAPI 3.1 document (the generator tests' Fixtures/openapi31/constructs.openapi.json) against a
/// real Kestrel server on 127.0.0.1: a const goes out without being set, a <c>type: [..., "null"]</c> member reads null,
/// and an operation without <c>responses</c> completes.
/// </summary>
public sealed class OpenApi31Tests
{
    [Fact]
    public async Task A_new_object_carries_its_const_members_and_an_answer_reads_null_where_the_type_array_allows_it()
    {
        await using var server = await RecordingServer.AnsweringAsync("""{"id":7,"kind":"pet","version":2,"nickname":null}""", StatusCodes.Status201Created);

        var pet = await Client(server).CreatePet(new Pet { Id = 7 });

        Assert.Equal("""{"id":7,"kind":"pet","version":2}""", server.LastRequest.Body);
        Assert.Equal((7L, "pet", (int?)2, (string?)null), (pet.Id, pet.Kind, pet.Version, pet.Nickname));
    }

    [Fact]
    public async Task An_operation_without_responses_completes_on_any_success()
    {
        await using var server = await RecordingServer.AnsweringAsync("{}");

        await Client(server).DeletePet(5);

        Assert.Equal(("DELETE", "/pets/5"), (server.LastRequest.Method, server.LastRequest.Path));
    }

    private static Constructs31ApiClient Client(RecordingServer server) => new(new HttpClient { BaseAddress = server.BaseAddress });
}
