using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Xunit;

namespace ClicRdv.Generator.IntegrationTests;

/// <summary>
/// Options set as item metadata in the project file, through the generator's props: <c>StoreOnly</c> is the Swagger
/// petstore's store tag, <c>RepositoryContracts</c> the contracts of one path of the OpenAPI link example and no client.
/// </summary>
public sealed class OperationFilterTests
{
    private static readonly string[] StoreOnlyTypes = typeof(StoreOnly.IStoreApi).Assembly.GetTypes().Where(type => type.Namespace == "StoreOnly").Select(type => type.Name).ToArray();

    private static readonly string[] RepositoryContractTypes = typeof(RepositoryContracts.Repository).Assembly.GetTypes().Where(type => type.Namespace == "RepositoryContracts").Select(type => type.Name).ToArray();

    [Fact]
    public async Task A_kept_tag_is_a_client_that_calls_a_real_server_and_the_other_tags_are_left_out()
    {
        await using var server = await RecordingServer.AnsweringAsync("""{"id":5,"petId":7,"status":"delivered"}""");
        var store = new StoreOnly.StoreApiClient(new HttpClient { BaseAddress = server.BaseAddress });

        var order = await store.GetOrderById(5);

        Assert.Equal("/store/order/5", server.LastRequest.Path);
        Assert.Equal((5L, 7L, StoreOnly.OrderStatus.Delivered), (order.Id, order.PetId, order.Status));
        Assert.Contains("Order", StoreOnlyTypes);
        Assert.DoesNotContain("IPetApi", StoreOnlyTypes);
        Assert.DoesNotContain("Pet", StoreOnlyTypes);
        Assert.DoesNotContain("User", StoreOnlyTypes);
        Assert.Equal("https://petstore3.swagger.io/api/v3", StoreOnly.ApiServers.Default);
    }

    [Fact]
    public void Contracts_only_has_the_contracts_the_kept_path_reaches_with_their_json_metadata_and_no_client()
    {
        var repository = JsonSerializer.Deserialize("""{"slug":"clicrdv","owner":{"username":"me"}}""", RepositoryContracts.ApiJsonContext.Default.Repository)!;

        Assert.Equal(("clicrdv", "me"), (repository.Slug, repository.Owner!.Username));
        // User is reached through the repository's owner; pull requests only through paths left out.
        Assert.Contains("User", RepositoryContractTypes);
        Assert.DoesNotContain("Pullrequest", RepositoryContractTypes);
        Assert.DoesNotContain(RepositoryContractTypes, name => name.EndsWith("Api", System.StringComparison.Ordinal) || name.EndsWith("ApiClient", System.StringComparison.Ordinal) || name is "ApiClients" or "ApiServers");
    }
}
