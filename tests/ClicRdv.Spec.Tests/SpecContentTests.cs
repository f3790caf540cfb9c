using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Newtonsoft.Json.Linq;
using Xunit;
using static ClicRdv.Spec.Tests.SpecDocument;

namespace ClicRdv.Spec.Tests;

/// <summary>
/// spec/clicrdv.v1.openapi.json describes every documented ClicRDV endpoint, with the documented conventions, and as
/// OpenAPI 3.0 validators (Ajv, Prism) read it: nulls they accept where it allows them, a 400 wherever a request can be
/// refused, patterns that refuse impossible values, examples that fit, creates that need what ClicRDV needs, and bounds.
/// </summary>
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

    /// <summary>The .NET format (x-date-time-format) of every date and time of the document.</summary>
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Values each pattern of the document must refuse, by pattern; a new pattern needs its own list here.</summary>
    private static readonly Dictionary<string, string[]> ImpossibleValues = new()
    {
        [Schemas.GetProperty("LocalDateTime").GetProperty("pattern").GetString()!] = new[]
        {
            "0918-48-91 22:55:99", "1899-12-31 23:59:59", "2100-01-01 00:00:00", "2017-00-10 10:00:00", "2017-13-10 10:00:00",
            "2017-02-00 10:00:00", "2017-02-32 10:00:00", "2017-02-28 24:00:00", "2017-02-28 23:60:00", "2017-02-28 23:59:60",
            "2017-02-28T11:35:00", "2017-02-28 11:35", "2017-02-28 11:35:00+02:00", "2017-2-28 11:35:00", "2017-02-28  11:35:00",
            "\u0662\u0660\u0661\u0667-\u0660\u0662-\u0662\u0668 \u0661\u0661:\u0663\u0665:\u0660\u0660", "2017-02-28 11:35:00\n", string.Empty,
        },
        ["^#[0-9A-Fa-f]{6}$"] = new[] { "#ddd", "dddddd", "#dddddg", "#ddddddd", "#DDDDDD\n", string.Empty },
        ["^[0-9a-f]{40}$"] = new[] { "test", "A94A8FE5CCB19BA61C4C0873D391E987982FBBD3", "a94a8fe5ccb19ba61c4c0873d391e987982fbbd", "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3\n", string.Empty },
    };

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

    [Fact]
    public void No_nullable_stands_beside_allOf_or_a_reference_and_every_nullable_has_a_type()
    {
        // Under 3.0 the allOf member (or the $ref) still refuses null, so Ajv and Prism refuse the nulls such a schema
        // documents; and Ajv does not compile "nullable" without "type".
        var wrong = Objects()
            .Where(node => node.Node.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True)
            .Where(node => node.Node.TryGetProperty("allOf", out _) || node.Node.TryGetProperty("$ref", out _) || !node.Node.TryGetProperty("type", out _))
            .Select(node => node.Pointer)
            .ToList();

        Assert.True(wrong.Count == 0, "nullable beside allOf or $ref, or without type, at: " + string.Join(", ", wrong));
    }

    [Fact]
    public void Nullable_references_are_oneOf_the_reference_and_null_only()
    {
        var nullValue = Schemas.GetProperty("NullValue");
        Assert.Equal(JsonValueKind.Null, Assert.Single(nullValue.GetProperty("enum").EnumerateArray()).ValueKind);
        Assert.True(nullValue.GetProperty("nullable").GetBoolean());

        // The page size is the one union that is not a nullable reference: a number or "all".
        var unions = Objects().Where(node => (node.Node.TryGetProperty("oneOf", out _) || node.Node.TryGetProperty("anyOf", out _)) && node.Pointer != "#/components/schemas/PageSize").ToList();
        Assert.Contains(unions, node => node.Pointer == "#/components/schemas/Appointment/properties/fiche");
        Assert.All(unions, node =>
        {
            Assert.True(node.Node.TryGetProperty("oneOf", out var oneOf), $"{node.Pointer}: anyOf where the document uses oneOf");
            var variants = oneOf.EnumerateArray().Select(variant => variant.GetProperty("$ref").GetString()).ToList();
            Assert.Equal(2, variants.Count);
            Assert.Equal("#/components/schemas/NullValue", variants[1]);
        });
    }

    [Fact]
    public void Every_operation_that_takes_a_parameter_or_a_body_documents_400_with_an_error_body()
    {
        foreach (var (verb, path, operation) in Operations().Where(operation => ParametersOf(operation.Path, operation.Operation).Any() || operation.Operation.TryGetProperty("requestBody", out _)))
        {
            Assert.True(operation.GetProperty("responses").TryGetProperty("400", out var badRequest), $"{verb} {path} does not document 400");
            var schema = Resolve(Resolve(badRequest).GetProperty("content").GetProperty("application/json").GetProperty("schema"));
            Assert.True(schema.GetProperty("properties").TryGetProperty("error", out _), $"{verb} {path}: the 400 body has no 'error'");
        }
    }

    [Fact]
    public void Every_pattern_has_an_example_it_matches_and_refuses_impossible_values()
    {
        var patterned = Objects().Where(node => node.Node.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String).ToList();
        Assert.NotEmpty(patterned);
        foreach (var (pointer, schema) in patterned)
        {
            var pattern = schema.GetProperty("pattern").GetString()!;
            Assert.True(schema.TryGetProperty("example", out var example), $"{pointer}: a pattern with no example");
            Assert.True(MatchesAsEcmaScript(example.GetString()!, pattern), $"{pointer}: the example '{example}' does not match {pattern}");
            Assert.True(ImpossibleValues.TryGetValue(pattern, out var impossible), $"{pointer}: no list of values {pattern} must refuse");
            Assert.All(impossible, value => Assert.False(MatchesAsEcmaScript(value, pattern), $"{pointer}: {pattern} accepts '{value}'"));
        }
    }

    [Theory]
    [InlineData("1900-01-01 00:00:00")]
    [InlineData("2099-12-31 23:59:59")]
    [InlineData("2017-02-28 11:35:00")]
    [InlineData("2024-02-29 00:00:00")]
    [InlineData("2017-10-31 19:09:59")]
    public void The_date_time_pattern_takes_every_real_date_and_time_of_the_supported_years(string value)
    {
        var pattern = Schemas.GetProperty("LocalDateTime").GetProperty("pattern").GetString()!;

        Assert.True(MatchesAsEcmaScript(value, pattern), $"{pattern} refuses '{value}'");
    }

    [Fact]
    public void Every_date_time_has_the_pattern_format_and_example_of_LocalDateTime()
    {
        // The nullable ones are inline copies of LocalDateTime (3.0 validators take no nullable reference): they must not drift.
        var localDateTime = Schemas.GetProperty("LocalDateTime");
        var dateTimes = Objects().Where(node => node.Node.TryGetProperty("x-date-time-format", out _)).ToList();

        Assert.True(dateTimes.Count > 1);
        Assert.All(dateTimes, node =>
        {
            Assert.Equal(DateTimeFormat, node.Node.GetProperty("x-date-time-format").GetString());
            Assert.Equal(localDateTime.GetProperty("pattern").GetString(), node.Node.GetProperty("pattern").GetString());
            Assert.Equal(localDateTime.GetProperty("example").GetString(), node.Node.GetProperty("example").GetString());
        });
    }

    [Fact]
    public async Task Every_example_is_valid_for_its_schema()
    {
        var document = await NSwag.OpenApiDocument.FromJsonAsync(File.ReadAllText(RepositoryPaths.Spec));
        var schemas = ReachableSchemas(document).Where(schema => schema.Example is not null).ToList();

        // Every "example" of the document is a schema's: none is left unchecked.
        Assert.Equal(Objects().Count(node => node.Node.TryGetProperty("example", out _)), schemas.Count);
        Assert.All(schemas, schema =>
        {
            var errors = schema.Validate(JToken.FromObject(schema.Example!), NJsonSchema.SchemaType.OpenApi3);
            Assert.True(errors.Count == 0, $"The example {schema.Example} does not match its schema: {string.Join("; ", errors)}");
        });
    }

    /// <summary>POST bodies: the wrapper key, what a create must have, and the smallest body the document takes.</summary>
    public static TheoryData<string, string, string[], string> Creates => new()
    {
        { "/api/v1/groups/{gid}/calendars", "calendar", new[] { "name" }, """{"calendar":{"name":"Dana"}}""" },
        { "/api/v1/groups/{gid}/calendarsets", "calendarset", new[] { "name" }, """{"calendarset":{"name":"Stylists"}}""" },
        { "/api/v1/groups/{gid}/interventions", "intervention", new[] { "name" }, """{"intervention":{"name":"Barbe"}}""" },
        { "/api/v1/groups/{gid}/interventionsets", "interventionset", new[] { "name" }, """{"interventionset":{"name":"Soins"}}""" },
        { "/api/v1/groups/{gid}/fiches", "fiche", new string[0], """{"fiche":{}}""" },
        { "/api/v1/groups/{gid}/vevents", "vevent", new[] { "calendar_id", "start", "end" }, """{"vevent":{"calendar_id":12,"start":"2026-03-04 10:00:00","end":"2026-03-04 11:00:00"}}""" },
        { "/api/v1/groups/{gid}/appointments", "appointment", new[] { "date", "intervention_ids", "fiche" }, """{"appointment":{"date":"2026-03-04 10:00:00","intervention_ids":[22],"fiche":{}}}""" },
        { "/api/v1/accounts", "account", new[] { "email", "group_id" }, """{"account":{"email":"new@example.com","group_id":4}}""" },
    };

    [Theory]
    [MemberData(nameof(Creates))]
    public async Task A_create_requires_its_wrapper_and_the_members_ClicRdv_needs(string path, string key, string[] members, string smallest)
    {
        var body = Resolve(JsonBodySchemaOf(path, "POST"));
        Assert.True(Root.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody").GetProperty("required").GetBoolean());
        Assert.Equal(new[] { key }, RequiredOf(body));
        var member = Resolve(body.GetProperty("properties").GetProperty(key));
        Assert.Equal(members.OrderBy(name => name), RequiredOf(member).OrderBy(name => name));
        Assert.All(members, name => Assert.True(PropertiesOf(member).ContainsKey(name), $"{path}: '{name}' is required but not a property"));
        Assert.Matches(@"\[(doc|code|guess)\]", member.GetProperty("description").GetString());

        // What the emulator checks requests with: the smallest body passes, and without any of its members it does not.
        var schema = await BodySchemaAsync(path, "POST");
        Assert.Empty(schema.Validate(smallest, NJsonSchema.SchemaType.OpenApi3));
        Assert.NotEmpty(schema.Validate("{}", NJsonSchema.SchemaType.OpenApi3));
        Assert.All(members, name =>
        {
            var without = JObject.Parse(smallest);
            ((JObject)without[key]!).Remove(name);
            Assert.NotEmpty(schema.Validate(without, NJsonSchema.SchemaType.OpenApi3));
        });
    }

    [Fact]
    public async Task An_update_requires_its_wrapper_and_no_member()
    {
        foreach (var (verb, path, _) in Operations().Where(operation => operation.Verb == "PUT"))
        {
            var body = Resolve(JsonBodySchemaOf(path, verb));
            var key = Assert.Single(RequiredOf(body));
            Assert.Empty(RequiredOf(body.GetProperty("properties").GetProperty(key)));

            var schema = await BodySchemaAsync(path, verb);
            Assert.Empty(schema.Validate(new JObject { [key] = new JObject() }, NJsonSchema.SchemaType.OpenApi3));
            Assert.NotEmpty(schema.Validate("{}", NJsonSchema.SchemaType.OpenApi3));
        }
    }

    [Fact]
    public void No_schema_an_update_sends_has_a_default()
    {
        // The generated contracts start with their defaults, and an update sends only what it changes: a default in an
        // update's body would be sent with every update and overwrite the record's value.
        var updates = Operations().Where(operation => operation.Verb == "PUT").ToList();
        var defaults = from update in updates
                       from schema in SchemasWithin(JsonBodySchemaOf(update.Path, update.Verb))
                       from property in schema.TryGetProperty("properties", out var members) ? members.EnumerateObject() : Enumerable.Empty<JsonProperty>()
                       where property.Value.TryGetProperty("default", out _)
                       select $"{update.Verb} {update.Path}: {property.Name}";

        Assert.NotEmpty(updates);
        Assert.Empty(defaults);
    }

    [Fact]
    public void Ids_are_positive_int64_and_every_free_text_has_a_length()
    {
        var properties = from node in Objects()
                         where node.Node.TryGetProperty("properties", out var members) && members.ValueKind == JsonValueKind.Object
                         from property in node.Node.GetProperty("properties").EnumerateObject()
                         select (Where: $"{node.Pointer}/properties/{property.Name}", property.Name, Schema: property.Value);
        var parameters = from operation in Operations()
                         from parameter in ParametersOf(operation.Path, operation.Operation)
                         select (Where: $"{operation.Verb} {operation.Path} parameter {parameter.GetProperty("name")}", Name: parameter.GetProperty("name").GetString()!, Schema: parameter.GetProperty("schema"));
        var problems = new List<string>();
        foreach (var (where, _, schema) in properties.Concat(parameters).Where(member => IsIdName(member.Name)))
        {
            var id = Resolve(schema).TryGetProperty("items", out var items) ? items : Resolve(schema);
            if (!(id.GetProperty("type").GetString() == "integer" && id.TryGetProperty("format", out var format) && format.GetString() == "int64" && id.TryGetProperty("minimum", out _)))
            {
                problems.Add(where + " is an id but not an int64 with a minimum");
            }
        }

        foreach (var (pointer, node) in Objects().Where(node => node.Node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "string"))
        {
            if (!new[] { "maxLength", "pattern", "enum", "format" }.Any(keyword => node.TryGetProperty(keyword, out _)))
            {
                problems.Add(pointer + " is a string with no maxLength, pattern, enum or format");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_paging_and_window_bounds_are_stated_and_marked_as_guesses()
    {
        var shared = Root.GetProperty("components").GetProperty("parameters");
        var startIndex = shared.GetProperty("StartIndex");
        Assert.Equal((0, 2147483647L), (startIndex.GetProperty("schema").GetProperty("minimum").GetInt32(), startIndex.GetProperty("schema").GetProperty("maximum").GetInt64()));
        var results = shared.GetProperty("Results");
        Assert.Equal("#/components/schemas/PageSize", results.GetProperty("schema").GetProperty("$ref").GetString());
        var pageSize = Schemas.GetProperty("PageSize").GetProperty("oneOf").EnumerateArray().ToList();
        Assert.Equal(("integer", 1, 1000), (pageSize[0].GetProperty("type").GetString(), pageSize[0].GetProperty("minimum").GetInt32(), pageSize[0].GetProperty("maximum").GetInt32()));
        Assert.Equal("all", Assert.Single(Resolve(pageSize[1]).GetProperty("enum").EnumerateArray()).GetString());

        var slots = ParametersOf("/api/v1/groups/{gid}/availabletimeslots", Root.GetProperty("paths").GetProperty("/api/v1/groups/{gid}/availabletimeslots").GetProperty("get")).ToList();
        var days = Assert.Single(slots, parameter => parameter.GetProperty("name").GetString() == "nDays");
        Assert.Equal((1, 31), (days.GetProperty("schema").GetProperty("minimum").GetInt32(), days.GetProperty("schema").GetProperty("maximum").GetInt32()));
        var idArrays = slots.Where(parameter => parameter.GetProperty("name").GetString()!.EndsWith("[]", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(3, idArrays.Count);
        Assert.All(idArrays, parameter => Assert.Equal(50, parameter.GetProperty("schema").GetProperty("maxItems").GetInt32()));

        var bounded = idArrays.Append(days).Append(startIndex).Append(results).Append(shared.GetProperty("GroupId")).Append(shared.GetProperty("Id"));
        Assert.All(bounded, parameter => Assert.Contains("[guess]", parameter.GetProperty("description").GetString()));
        Assert.Contains("[guess]", Root.GetProperty("info").GetProperty("description").GetString()!.Split("\n\n")[^1]);
    }

    /// <summary>
    /// How a validator of the document reads a pattern: as ECMA-262, where <c>$</c> (with no m flag) ends the text;
    /// .NET's <c>$</c> also matches before a final newline.
    /// </summary>
    private static bool MatchesAsEcmaScript(string value, string pattern) =>
        Regex.IsMatch(value, pattern.EndsWith('$') ? pattern[..^1] + @"\z" : pattern, RegexOptions.ECMAScript);

    private static bool IsIdName(string name) =>
        name is "id" or "gid" || name.EndsWith("_id", System.StringComparison.Ordinal) || name.EndsWith("_ids", System.StringComparison.Ordinal) || name.EndsWith("_ids[]", System.StringComparison.Ordinal);

    [Fact]
    public void Every_list_a_request_carries_has_at_most_50_items()
    {
        var parameterLists = from operation in Operations()
                             from parameter in ParametersOf(operation.Path, operation.Operation)
                             where Resolve(parameter.GetProperty("schema")).TryGetProperty("type", out var type) && type.GetString() == "array"
                             select ($"{operation.Verb} {operation.Path} parameter {parameter.GetProperty("name")}", Resolve(parameter.GetProperty("schema")));
        var bodyLists = from operation in Operations()
                        where operation.Operation.TryGetProperty("requestBody", out _)
                        from content in operation.Operation.GetProperty("requestBody").GetProperty("content").EnumerateObject()
                        from schema in SchemasWithin(content.Value.GetProperty("schema"))
                        where schema.TryGetProperty("type", out var type) && type.GetString() == "array"
                        select ($"{operation.Verb} {operation.Path} body", schema);
        var lists = parameterLists.Concat(bodyLists).ToList();

        Assert.Contains(lists, list => list.Item1.EndsWith("body", System.StringComparison.Ordinal));
        Assert.All(lists, list => Assert.True(list.Item2.TryGetProperty("maxItems", out var most) && most.GetInt32() == 50, $"{list.Item1}: a list with no maxItems of 50"));
    }

    private static async Task<NJsonSchema.JsonSchema> BodySchemaAsync(string path, string verb)
    {
        var document = await NSwag.OpenApiDocument.FromJsonAsync(File.ReadAllText(RepositoryPaths.Spec));
        return document.Paths[path][verb.ToLowerInvariant()].ActualRequestBody.Content["application/json"].Schema.ActualSchema;
    }

    /// <summary>Every schema of the document: components, parameters, bodies and answers, and all the schemas inside them.</summary>
    private static IEnumerable<NJsonSchema.JsonSchema> ReachableSchemas(NSwag.OpenApiDocument document)
    {
        var roots = document.Components.Schemas.Values
            .Concat(document.Components.Parameters.Values.Select(parameter => parameter.Schema))
            .Concat(document.Operations.SelectMany(operation => operation.Operation.ActualParameters.Select(parameter => parameter.ActualParameter.Schema)))
            .Concat(document.Operations.SelectMany(operation => operation.Operation.ActualRequestBody?.Content.Values.Select(content => content.Schema) ?? Enumerable.Empty<NJsonSchema.JsonSchema>()))
            .Concat(document.Operations.SelectMany(operation => operation.Operation.ActualResponses.Values.SelectMany(response => response.ActualResponse.Content.Values.Select(content => content.Schema))));
        var seen = new HashSet<NJsonSchema.JsonSchema>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<NJsonSchema.JsonSchema>(roots.Where(schema => schema is not null));
        while (pending.TryPop(out var schema))
        {
            if (!seen.Add(schema))
            {
                continue;
            }

            foreach (var inner in schema.Properties.Values.Cast<NJsonSchema.JsonSchema>().Concat(schema.AllOf).Concat(schema.OneOf).Concat(schema.AnyOf)
                .Append(schema.Item).Append(schema.Reference).Append(schema.AdditionalPropertiesSchema).Where(inner => inner is not null))
            {
                pending.Push(inner!);
            }
        }

        return seen;
    }
}
