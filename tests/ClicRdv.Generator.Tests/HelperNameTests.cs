using System.Linq;
using ClicRdv.Generator.Tests.Infrastructure;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// Code calls <c>ApiClients.Factories</c> and <c>ApiJsonContext.Default</c> by name: a schema may not take those names,
/// or adding one to the document would rename what the code calls.
/// </summary>
public sealed class HelperNameTests
{
    [Fact]
    public void Schemas_named_like_the_helpers_get_the_suffix_and_the_helpers_keep_their_names()
    {
        var run = GeneratorHarness.Run("/project/names.openapi.json", """
            {
              "openapi": "3.0.3",
              "info": { "title": "Names", "version": "1" },
              "paths": { "/things": { "get": { "operationId": "getThing", "tags": [ "things" ], "responses": { "200": { "description": "ok",
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ApiClients" } } } } } } } },
              "components": { "schemas": {
                "ApiClients": { "type": "object", "properties": { "context": { "$ref": "#/components/schemas/ApiJsonContext" } } },
                "ApiJsonContext": { "type": "object", "properties": { "name": { "type": "string" } } }
              } }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
        Assert.Contains("public static partial class ApiClients\n", run.Source("names.Clients.g.cs").Replace("\r\n", "\n"));
        Assert.Contains("public sealed partial class ApiJsonContext :", run.Source("names.Json.g.cs"));
        var contracts = run.Source("names.Contracts.g.cs");
        Assert.Contains("public partial class ApiClients2", contracts);
        Assert.Contains("public partial class ApiJsonContext2", contracts);
        Assert.Contains("Task<ApiClients2> GetThing(", run.Source("names.Interfaces.g.cs"));
    }
}
