using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClicRdv.Emulator.Tests;

/// <summary>
/// A user of group 4 cannot reach group 5 (the demo's other business): every operation of the document, enumerated
/// from it, aimed at group 5 gets the refusal <c>GET /groups/5</c> gives (404), and every id member of every request
/// body, given an id of group 5 on a group-4 path, gets a 400 that names it; in both cases neither group changes, as its
/// own users see it.
/// </summary>
public sealed class IsolationTests : IAsyncLifetime
{
    private static readonly JsonNode Document = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Spec))!;

    private static readonly IReadOnlyList<DocumentOperation> Operations = ReadOperations().ToList();

    /// <summary>A record of each kind, per group, by the collection that holds it.</summary>
    private static readonly Dictionary<long, Dictionary<string, long>> Records = new()
    {
        [4] = new() { ["groups"] = 4, ["calendars"] = 11, ["calendarsets"] = 1, ["interventions"] = 21, ["interventionsets"] = 1, ["fiches"] = 31, ["vevents"] = 44, ["appointments"] = 41 },
        [5] = new() { ["groups"] = 5, ["calendars"] = 19, ["calendarsets"] = 9, ["interventions"] = 29, ["interventionsets"] = 9, ["fiches"] = 39, ["vevents"] = 49, ["appointments"] = 49 },
    };

    /// <summary>What the id members of request bodies name in group 5.</summary>
    private static readonly Dictionary<string, JsonNode> GroupFiveIds = new()
    {
        ["calendar_id"] = 19, ["calendarset_id"] = 9, ["intervention_id"] = 29, ["interventionset_id"] = 9, ["fiche_id"] = 39,
        ["group_id"] = 5, ["intervention_ids"] = new JsonArray(29), ["fiche.id"] = 39,
    };

    /// <summary>Bodies a user of group 5 could send: only the user makes them wrong.</summary>
    private static readonly Dictionary<string, string> GroupFiveBodies = new()
    {
        ["calendar"] = """{"calendar":{"name":"Intruder","calendarset_id":9}}""",
        ["calendarset"] = """{"calendarset":{"name":"Intruder"}}""",
        ["intervention"] = """{"intervention":{"name":"Intruder","interventionset_id":9}}""",
        ["interventionset"] = """{"interventionset":{"name":"Intruder"}}""",
        ["fiche"] = """{"fiche":{"lastname":"Intruder","firstname":"Ivy","email":"intruder@example.com"}}""",
        ["vevent"] = """{"vevent":{"calendar_id":19,"start":"2026-03-04 10:00:00","end":"2026-03-04 10:30:00","text":"Intruder"}}""",
        ["appointment"] = """{"appointment":{"date":"2026-03-04 11:00:00","intervention_ids":[29],"calendar_id":19,"fiche":{"id":39}}}""",
        ["group"] = """{"group":{"name":"Intruder"}}""",
        ["account"] = """{"account":{"email":"intruder@example.com","group_id":5}}""",
    };

    /// <summary>Valid group-4 bodies for the wrappers that have id members; a test puts a group-5 id in one member.</summary>
    private static readonly Dictionary<string, string> GroupFourBodies = new()
    {
        ["calendar"] = """{"calendar":{"name":"Intruder"}}""",
        ["intervention"] = """{"intervention":{"name":"Intruder"}}""",
        ["vevent"] = """{"vevent":{"calendar_id":11,"start":"2026-03-05 10:00:00","end":"2026-03-05 10:30:00","text":"Intruder"}}""",
        ["appointment"] = """{"appointment":{"date":"2026-03-05 10:00:00","intervention_ids":[22],"calendar_id":13,"fiche":{"id":32}}}""",
        ["account"] = """{"account":{"email":"intruder@example.com","group_id":4}}""",
    };

    private static readonly Dictionary<string, string> RequiredQuery = new() { ["intervention_ids[]"] = "intervention_ids[]={0}" };

    private ClicRdvEmulator _emulator = null!;

    public static IEnumerable<object[]> OperationIds => Operations.Select(operation => new object[] { operation.Id });

    public static IEnumerable<object[]> IdMembers => Operations
        .Where(operation => operation.Wrapper is not null)
        .SelectMany(operation => IdMembersOf(SchemaOf(Document["components"]!["schemas"]!, operation.BodySchema!)![operation.Wrapper!]!, string.Empty).Select(member => new object[] { operation.Id, member }));

    public async Task InitializeAsync()
    {
        var users = new EmulatorOptions().Users.Append(new EmulatorUser("pro", 19, DemoData.OtherGroupId, "other@clicrdv.test", "other-password", "Other", "Pro")).ToList();
        _emulator = await ClicRdvEmulator.StartAsync(new EmulatorOptions { Users = users, TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)) });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public void The_walk_covers_every_operation_the_emulator_serves()
    {
        Assert.Equal(_emulator.OperationIds.Order(), Operations.Select(operation => operation.Id).Order());
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task An_operation_aimed_at_another_group_is_refused_and_changes_nothing(string operationId)
    {
        var operation = Operations.Single(candidate => candidate.Id == operationId);
        await using var outsider = new RawClient(_emulator, User(DemoData.GroupId));
        await using var insider = new RawClient(_emulator, User(DemoData.OtherGroupId));
        var refusal = (await outsider.GetAsync("/api/v1/groups/5")).AssertError(HttpStatusCode.NotFound);
        var before = await Snapshot(insider, DemoData.OtherGroupId);

        var answer = await outsider.SendAsync(new HttpMethod(operation.Method), PathAndQuery(operation, DemoData.OtherGroupId), GroupFiveContent(operation));

        if (operation.Template.Contains("/groups/{", StringComparison.Ordinal))
        {
            Assert.Equal(refusal, answer.AssertError(HttpStatusCode.NotFound));
        }
        else
        {
            switch (operation.Id)
            {
                case "login":
                    Assert.Equal(DemoData.GroupId, answer.Json["pro"]!["group_id"]!.GetValue<long>());
                    break;
                case "createAccount":
                    Assert.Contains("group_id", answer.AssertError(HttpStatusCode.BadRequest), StringComparison.Ordinal);
                    // Accounts cannot be read back: the email is still free, so nothing was created.
                    Assert.Equal(HttpStatusCode.Created, (await outsider.SendAsync(HttpMethod.Post, "/api/v1/accounts", RawClient.Json(GroupFourBodies["account"]))).Status);
                    break;
                case "listGroups":
                    Assert.Equal(new[] { DemoData.GroupId }, answer.Json["records"]!.AsArray().Select(group => group!["id"]!.GetValue<long>()));
                    break;
                default:
                    Assert.Fail($"{operation.Method} {operation.Template} names no group: say what it must answer a user of group 4 about group 5.");
                    break;
            }
        }

        Assert.Equal(before, await Snapshot(insider, DemoData.OtherGroupId));
    }

    [Theory]
    [MemberData(nameof(IdMembers))]
    public async Task A_body_naming_another_groups_record_is_refused_on_create_and_update_and_changes_nothing(string operationId, string member)
    {
        var operation = Operations.Single(candidate => candidate.Id == operationId);
        await using var client = new RawClient(_emulator, User(DemoData.GroupId));
        await using var insider = new RawClient(_emulator, User(DemoData.OtherGroupId));
        var body = JsonNode.Parse(GroupFourBodies.TryGetValue(operation.Wrapper!, out var valid) ? valid : throw new InvalidOperationException($"No valid group-4 body for '{operation.Wrapper}': add one."))!;
        Set(body[operation.Wrapper!]!.AsObject(), member, GroupFiveIds.TryGetValue(member, out var foreign) ? foreign.DeepClone() : throw new InvalidOperationException($"No group-5 id for the member '{member}': add one."));
        var before = (await Snapshot(client, DemoData.GroupId), await Snapshot(insider, DemoData.OtherGroupId));

        var answer = await client.SendAsync(new HttpMethod(operation.Method), PathAndQuery(operation, DemoData.GroupId), RawClient.Json(body.ToJsonString()));

        Assert.Contains(member.Split('.')[0], answer.AssertError(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(before, (await Snapshot(client, DemoData.GroupId), await Snapshot(insider, DemoData.OtherGroupId)));
    }

    [Fact]
    public async Task Bodies_naming_the_groups_own_records_are_taken()
    {
        await using var client = new RawClient(_emulator, User(DemoData.GroupId));

        var moved = await client.SendAsync(HttpMethod.Put, "/api/v1/groups/4/vevents/44", RawClient.Json("""{"vevent":{"calendar_id":12}}"""));
        foreach (var (wrapper, body) in GroupFourBodies)
        {
            var create = Operations.Single(operation => operation.Method == "POST" && operation.Wrapper == wrapper);
            var created = await client.SendAsync(HttpMethod.Post, PathAndQuery(create, DemoData.GroupId), RawClient.Json(body));
            Assert.True(created.Status == HttpStatusCode.Created, $"{create.Id}: {created.Body}");
        }

        Assert.Equal(12, moved.Json["calendar_id"]!.GetValue<long>());
    }

    private EmulatorUser User(long groupId) => _emulator.Users.First(user => user.Kind == "pro" && user.GroupId == groupId);

    /// <summary>What the group's own user reads with every GET of the document that names a group.</summary>
    private static async Task<string> Snapshot(RawClient client, long groupId)
    {
        var reads = new List<string>();
        foreach (var read in Operations.Where(operation => operation.Method == "GET" && operation.Template.Contains("/groups/{", StringComparison.Ordinal)))
        {
            var answer = await client.GetAsync(PathAndQuery(read, groupId));
            reads.Add($"{read.Id} {(int)answer.Status} {answer.Body}");
        }

        return string.Join("\n", reads);
    }

    /// <summary>The operation's path for a group, with the group's record of that collection for <c>{id}</c>, and its required query.</summary>
    private static string PathAndQuery(DocumentOperation operation, long groupId)
    {
        var segments = operation.Template.Split('/');
        var path = string.Join("/", segments.Select((segment, index) => segment switch
        {
            "{gid}" => groupId.ToString(CultureInfo.InvariantCulture),
            "{id}" => Records[groupId].TryGetValue(segments[index - 1], out var id) ? id.ToString(CultureInfo.InvariantCulture) : throw new InvalidOperationException($"No record of group {groupId} for {operation.Template}: add one."),
            _ => segment,
        }));
        var query = operation.RequiredQuery.Select(name => RequiredQuery.TryGetValue(name, out var format)
            ? string.Format(CultureInfo.InvariantCulture, format, Records[groupId]["interventions"])
            : throw new InvalidOperationException($"No value for the required query parameter '{name}': add one."));
        return path + (operation.RequiredQuery.Count > 0 ? "?" + string.Join("&", query) : string.Empty);
    }

    private static HttpContent? GroupFiveContent(DocumentOperation operation) =>
        operation.IsForm ? RawClient.Form("pro[email]=demo%40clicrdv.test&pro[password]=" + LoginForm.PasswordSha1("demo-password"))
        : operation.Wrapper is null ? null
        : RawClient.Json(GroupFiveBodies.TryGetValue(operation.Wrapper, out var body) ? body : throw new InvalidOperationException($"No body for '{operation.Wrapper}': add one."));

    private static void Set(JsonObject target, string member, JsonNode value)
    {
        var names = member.Split('.');
        foreach (var name in names[..^1])
        {
            target = target[name] as JsonObject ?? (JsonObject)(target[name] = new JsonObject());
        }

        target[names[^1]] = value;
    }

    /// <summary>The operations of the document: id, method, path, the JSON body's wrapper or a form, the required query parameters.</summary>
    private static IEnumerable<DocumentOperation> ReadOperations()
    {
        var components = Document["components"]!;
        foreach (var (template, item) in Document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(member => member.Key is "get" or "put" or "post" or "delete" or "patch"))
            {
                var content = operation!["requestBody"]?["content"]?.AsObject();
                var json = content?["application/json"]?["schema"];
                var required = (operation["parameters"]?.AsArray() ?? new JsonArray())
                    .Select(parameter => parameter!["$ref"] is { } reference ? components["parameters"]![reference.GetValue<string>().Split('/')[^1]]! : parameter!)
                    .Where(parameter => parameter["in"]!.GetValue<string>() == "query" && parameter["required"]?.GetValue<bool>() == true)
                    .Select(parameter => parameter["name"]!.GetValue<string>())
                    .ToList();
                yield return new DocumentOperation(
                    operation["operationId"]!.GetValue<string>(),
                    method.ToUpperInvariant(),
                    template,
                    json is null ? null : SchemaOf(components["schemas"]!, json)!.AsObject().Single().Key,
                    json,
                    content?.ContainsKey("application/x-www-form-urlencoded") == true,
                    required);
            }
        }
    }

    /// <summary>The properties of a schema, through <c>$ref</c> and <c>allOf</c>.</summary>
    private static JsonObject? SchemaOf(JsonNode schemas, JsonNode schema)
    {
        if (schema["$ref"] is { } reference)
        {
            return SchemaOf(schemas, schemas[reference.GetValue<string>().Split('/')[^1]]!);
        }

        var properties = schema["properties"]?.AsObject().ToDictionary(member => member.Key, member => member.Value) ?? new Dictionary<string, JsonNode?>();
        foreach (var part in schema["allOf"]?.AsArray() ?? new JsonArray())
        {
            foreach (var (name, value) in SchemaOf(schemas, part!) ?? new JsonObject())
            {
                properties.TryAdd(name, value);
            }
        }

        return properties.Count == 0 ? null : new JsonObject(properties.Select(pair => KeyValuePair.Create(pair.Key, pair.Value?.DeepClone())));
    }

    /// <summary>The members of a body that name another record: <c>*_id</c>, <c>*_ids</c>, and <c>id</c> inside a nested object.</summary>
    private static IEnumerable<string> IdMembersOf(JsonNode schema, string prefix)
    {
        foreach (var (name, property) in SchemaOf(Document["components"]!["schemas"]!, schema) ?? new JsonObject())
        {
            var path = prefix + name;
            if (name.EndsWith("_id", StringComparison.Ordinal) || name.EndsWith("_ids", StringComparison.Ordinal) || (name == "id" && prefix.Length > 0))
            {
                yield return path;
            }
            else if (prefix.Length == 0 && SchemaOf(Document["components"]!["schemas"]!, property!) is not null)
            {
                foreach (var nested in IdMembersOf(property!, path + "."))
                {
                    yield return nested;
                }
            }
        }
    }

    private sealed record DocumentOperation(string Id, string Method, string Template, string? Wrapper, JsonNode? BodySchema, bool IsForm, IReadOnlyList<string> RequiredQuery);
}
