using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Xunit;

namespace ClicRdv.Spec.Tests;

/// <summary>spec/clicrdv.v1.openapi.json describes every documented ClicRDV endpoint, with the documented conventions.</summary>
public sealed class SpecContentTests
{
    /// <summary>The resource table of ClicRDV's documentation: verb and path of every endpoint.</summary>
    public static TheoryData<string, string> DocumentedEndpoints => new()
    {
        { "POST", "/api/v1/sessions/login" },
        { "POST", "/api/v1/accounts" },
        { "GET", "/api/v1/groups" },
        { "GET", "/api/v1/groups/{id}" },
        { "PUT", "/api/v1/groups/{id}" },
        { "GET", "/api/v1/groups/{gid}/calendars" },
        { "POST", "/api/v1/groups/{gid}/calendars" },
        { "GET", "/api/v1/groups/{gid}/calendars/{id}" },
        { "PUT", "/api/v1/groups/{gid}/calendars/{id}" },
        { "DELETE", "/api/v1/groups/{gid}/calendars/{id}" },
        { "GET", "/api/v1/groups/{gid}/calendarsets" },
        { "POST", "/api/v1/groups/{gid}/calendarsets" },
        { "GET", "/api/v1/groups/{gid}/calendarsets/{id}" },
        { "PUT", "/api/v1/groups/{gid}/calendarsets/{id}" },
        { "DELETE", "/api/v1/groups/{gid}/calendarsets/{id}" },
        { "GET", "/api/v1/groups/{gid}/interventions" },
        { "POST", "/api/v1/groups/{gid}/interventions" },
        { "GET", "/api/v1/groups/{gid}/interventions/{id}" },
        { "PUT", "/api/v1/groups/{gid}/interventions/{id}" },
        { "DELETE", "/api/v1/groups/{gid}/interventions/{id}" },
        { "GET", "/api/v1/groups/{gid}/interventionsets" },
        { "POST", "/api/v1/groups/{gid}/interventionsets" },
        { "GET", "/api/v1/groups/{gid}/interventionsets/{id}" },
        { "PUT", "/api/v1/groups/{gid}/interventionsets/{id}" },
        { "DELETE", "/api/v1/groups/{gid}/interventionsets/{id}" },
        { "GET", "/api/v1/groups/{gid}/fiches" },
        { "POST", "/api/v1/groups/{gid}/fiches" },
        { "GET", "/api/v1/groups/{gid}/fiches/{id}" },
        { "PUT", "/api/v1/groups/{gid}/fiches/{id}" },
        { "GET", "/api/v1/groups/{gid}/vevents" },
        { "POST", "/api/v1/groups/{gid}/vevents" },
        { "GET", "/api/v1/groups/{gid}/vevents/{id}" },
        { "PUT", "/api/v1/groups/{gid}/vevents/{id}" },
        { "DELETE", "/api/v1/groups/{gid}/vevents/{id}" },
        { "GET", "/api/v1/groups/{gid}/appointments" },
        { "POST", "/api/v1/groups/{gid}/appointments" },
        { "GET", "/api/v1/groups/{gid}/appointments/{id}" },
        { "DELETE", "/api/v1/groups/{gid}/appointments/{id}" },
        { "GET", "/api/v1/groups/{gid}/availabletimeslots" },
        { "GET", "/api/v1/groups/{gid}/pros" },
        { "GET", "/api/v1/groups/{gid}/customfields" },
    };

    private static readonly string[] Tags =
    {
        "sessions", "accounts", "groups", "calendars", "calendarsets", "interventions", "interventionsets",
        "fiches", "vevents", "appointments", "availabletimeslots", "pros", "customfields",
    };

    private static readonly JsonElement Root = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Spec)).RootElement;

    [Theory]
    [MemberData(nameof(DocumentedEndpoints))]
    public void Every_documented_endpoint_is_described(string verb, string path)
    {
        Assert.True(Root.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is missing");
        Assert.True(item.TryGetProperty(verb.ToLowerInvariant(), out _), $"{verb} {path} is missing");
    }

    [Fact]
    public void Nothing_undocumented_is_described()
    {
        var documented = DocumentedEndpoints.Select(row => ((string)row[0], (string)row[1])).ToHashSet();

        var undocumented = Operations().Select(operation => $"{operation.Verb} {operation.Path}").Where(endpoint => !documented.Contains((endpoint.Split(' ')[0], endpoint.Split(' ')[1]))).ToList();
        Assert.True(undocumented.Count == 0, "Not in the documentation: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Every_operation_has_an_id_one_known_tag_a_summary_and_a_description()
    {
        var ids = new HashSet<string>();
        foreach (var (verb, path, operation) in Operations())
        {
            Assert.True(ids.Add(operation.GetProperty("operationId").GetString()!), $"{verb} {path}: duplicate operationId");
            var tags = operation.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()).ToList();
            Assert.Contains(Assert.Single(tags), Tags);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{verb} {path}: no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()), $"{verb} {path}: no description");
        }

        Assert.Equal(Tags.OrderBy(tag => tag), Operations().Select(operation => operation.Operation.GetProperty("tags")[0].GetString()!).Distinct().OrderBy(tag => tag));
    }

    [Fact]
    public void Creates_answer_201_and_json_bodies_are_wrapped_in_the_singular_name()
    {
        foreach (var (verb, path, operation) in Operations().Where(operation => operation.Operation.TryGetProperty("requestBody", out _)))
        {
            var content = operation.GetProperty("requestBody").GetProperty("content");
            if (!content.TryGetProperty("application/json", out var json))
            {
                continue;
            }

            var wrapper = Resolve(json.GetProperty("schema"));
            var key = Assert.Single(wrapper.GetProperty("properties").EnumerateObject()).Name;
            Assert.Equal(new[] { key }, wrapper.GetProperty("required").EnumerateArray().Select(item => item.GetString()));
            if (verb == "POST")
            {
                Assert.True(operation.GetProperty("responses").TryGetProperty("201", out _), $"{verb} {path} does not answer 201");
            }
        }
    }

    [Fact]
    public void Every_path_is_under_api_v1_and_both_servers_are_listed()
    {
        Assert.All(Root.GetProperty("paths").EnumerateObject(), path => Assert.StartsWith("/api/v1/", path.Name));
        Assert.Equal(
            new[] { "https://www.clicrdv.com", "https://sandbox.clicrdv.com" },
            Root.GetProperty("servers").EnumerateArray().Select(server => server.GetProperty("url").GetString()));
    }

    [Fact]
    public void The_apikey_goes_with_basic_or_the_session_and_login_needs_only_the_apikey()
    {
        var schemes = Root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("apiKey", "query", "apikey"), (schemes.GetProperty("apikey").GetProperty("type").GetString(), schemes.GetProperty("apikey").GetProperty("in").GetString(), schemes.GetProperty("apikey").GetProperty("name").GetString()));
        Assert.Equal(("http", "basic"), (schemes.GetProperty("basic").GetProperty("type").GetString(), schemes.GetProperty("basic").GetProperty("scheme").GetString()));
        Assert.Equal(("apiKey", "cookie", "_session_id"), (schemes.GetProperty("session").GetProperty("type").GetString(), schemes.GetProperty("session").GetProperty("in").GetString(), schemes.GetProperty("session").GetProperty("name").GetString()));
        Assert.Equal(
            new[] { "apikey+basic", "apikey+session" },
            Root.GetProperty("security").EnumerateArray().Select(requirement => string.Join("+", requirement.EnumerateObject().Select(scheme => scheme.Name))));

        var login = Root.GetProperty("paths").GetProperty("/api/v1/sessions/login").GetProperty("post");
        Assert.Equal("apikey", Assert.Single(Assert.Single(login.GetProperty("security").EnumerateArray()).EnumerateObject()).Name);
    }

    [Fact]
    public void Repeated_array_keys_are_spelled_as_the_api_spells_them()
    {
        var slots = Root.GetProperty("paths").GetProperty("/api/v1/groups/{gid}/availabletimeslots").GetProperty("get");
        var names = slots.GetProperty("parameters").EnumerateArray().Where(parameter => parameter.TryGetProperty("name", out _)).Select(parameter => parameter.GetProperty("name").GetString()).ToList();

        Assert.Contains("intervention_ids[]", names);
        Assert.Contains("calendar_ids[]", names);
        Assert.Contains("calendarset_ids[]", names);
    }

    [Fact]
    public async Task NSwag_reads_the_document()
    {
        var document = await NSwag.OpenApiDocument.FromJsonAsync(File.ReadAllText(RepositoryPaths.Spec));

        Assert.Equal(41, document.Operations.Count());
    }

    private static JsonElement Resolve(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? Root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/').Last())
            : schema;

    private static IEnumerable<(string Verb, string Path, JsonElement Operation)> Operations() =>
        from path in Root.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where operation.Name is "get" or "post" or "put" or "delete" or "patch"
        select (operation.Name.ToUpperInvariant(), path.Name, operation.Value);
}
