using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Xml.Linq;
using ClicRdv.Emulator;
using ClicRdv.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ClicRdv.Packages.Tests;

/// <summary>
/// The promise "add the packages, get typed clients at compile time", checked as a user meets it: real .nupkg files on
/// a folder feed, and consumer projects outside the repository that restore, build with warnings as errors, and run.
/// </summary>
public sealed class PackageTests : IClassFixture<PackageFeed>
{
    private readonly PackageFeed _feed;

    public PackageTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void The_generator_package_carries_the_generator_its_assemblies_its_props_and_the_document_and_nothing_else()
    {
        using var package = ZipFile.OpenRead(_feed.PackageFile("ClicRdv.Generator"));
        var files = PackageFiles(package);

        Assert.Equal(
            new[]
            {
                "analyzers/dotnet/cs/ClicRdv.Generator.dll", "analyzers/dotnet/cs/ClicRdv.Generator.pdb", "analyzers/dotnet/cs/Namotion.Reflection.dll",
                "analyzers/dotnet/cs/Newtonsoft.Json.dll", "analyzers/dotnet/cs/NJsonSchema.Annotations.dll", "analyzers/dotnet/cs/NJsonSchema.dll",
                "analyzers/dotnet/cs/NSwag.Core.dll", "analyzers/dotnet/cs/YamlDotNet.dll", "build/ClicRdv.Generator.props", "build/ClicRdv.Generator.targets", "build/clicrdv.v1.openapi.json", "ClicRdv.Generator.nuspec", "PACKAGE.md",
            },
            files);
        var nuspec = Nuspec(package);
        Assert.Equal("true", Element(nuspec, "developmentDependency"));
        Assert.DoesNotContain(nuspec.Descendants(), element => element.Name.LocalName == "dependency");
        AssertCommonMetadata(nuspec);
    }

    [Fact]
    public void The_runtime_package_carries_the_library_and_declares_its_dependencies_with_ranges()
    {
        using var package = ZipFile.OpenRead(_feed.PackageFile("ClicRdv.Runtime"));

        Assert.Equal(new[] { "ClicRdv.Runtime.nuspec", "lib/net8.0/ClicRdv.Runtime.dll", "lib/net8.0/ClicRdv.Runtime.xml", "PACKAGE.md" }, PackageFiles(package));
        var dependencies = Nuspec(package).Descendants().Where(element => element.Name.LocalName == "dependency")
            .ToDictionary(element => element.Attribute("id")!.Value, element => element.Attribute("version")!.Value);
        Assert.Equal("[16.4.0, 17.0.0)", dependencies["Refit"]);
        Assert.Equal("[8.0.1, 11.0.0)", dependencies["Microsoft.Extensions.Http"]);
        Assert.Equal("[8.0.0, 11.0.0)", dependencies["Microsoft.Extensions.Options.ConfigurationExtensions"]);
        Assert.Equal(3, dependencies.Count);
        Assert.True(File.Exists(Path.ChangeExtension(_feed.PackageFile("ClicRdv.Runtime"), ".snupkg")));
        AssertCommonMetadata(Nuspec(package));
    }

    [Theory]
    [InlineData("net10.0")]
    [InlineData("net8.0")]
    public async Task The_readme_getting_started_builds_from_the_packages_and_calls_the_emulator_with_both_modes(string targetFramework)
    {
        // The README packs the same two projects into MyApp/packages, the folder its nuget.config names.
        var pack = ConsumerProject.ReadmeSnippet("getting-started.sh");
        Assert.Contains("dotnet pack generator/ClicRdv.Generator -c Release -o ../MyApp/packages", pack, StringComparison.Ordinal);
        Assert.Contains("dotnet pack runtime/ClicRdv.Runtime -c Release -o ../MyApp/packages", pack, StringComparison.Ordinal);
        using var consumer = ConsumerProject.Create(_feed, new Dictionary<string, string>
        {
            ["nuget.config"] = ConsumerProject.ReadmeSnippet("getting-started.nuget.config"),
            ["MyApp.csproj"] = ConsumerProject.ReadmeSnippet("getting-started.csproj").Replace("net10.0", targetFramework, StringComparison.Ordinal),
            ["Program.cs"] = ConsumerProject.ReadmeSnippet("getting-started.cs"),
        });

        var build = await consumer.BuildAsync();
        Assert.True(build.ExitCode == 0, build.Output);

        await using var emulator = await ClicRdvEmulator.StartAsync();
        var pro = emulator.Users.First(user => user.Kind == "pro");
        var settings = ReadmeEnvironment("getting-started.run.sh");
        Assert.Equal(emulator.ApiKey, settings["ClicRdv__ApiKey"]);
        Assert.Equal(pro.Email, settings["ClicRdv__Email"]);
        Assert.Equal(pro.Password, settings["ClicRdv__Password"]);
        foreach (var mode in new[] { "ProSession", "Basic" })
        {
            var run = await consumer.RunAsync(targetFramework, new Dictionary<string, string>(settings)
            {
                ["ClicRdv__BaseAddress"] = emulator.BaseAddress.ToString(),
                ["ClicRdv__Authentication"] = mode,
            });
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("Salon Démo: 3 calendars", run.Output);
            Assert.Contains("- Alice (since ", run.Output);
            Assert.Matches(@"\n\d+ customers, " + (mode == "Basic" ? 0 : 1) + @" login\(s\)", run.Output);
        }

        Assert.Equal(1, emulator.Logins);
        Assert.Contains(emulator.Requests, request => request.Headers.ContainsKey("Authorization"));
        Assert.DoesNotContain(emulator.Requests, request => request.Status >= 400);
    }

    /// <summary>The variables the <c>export</c> lines of a README snippet set.</summary>
    private static Dictionary<string, string> ReadmeEnvironment(string snippet) =>
        ConsumerProject.ReadmeSnippet(snippet).Split('\n')
            .Where(line => line.StartsWith("export ", StringComparison.Ordinal))
            .SelectMany(line => line["export ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(assignment => assignment.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);

    [Theory]
    [InlineData("-p:PublishAot=true")]
    [InlineData("--self-contained -p:PublishTrimmed=true")]
    public async Task A_consumer_published_with_native_AOT_or_trimming_has_no_trim_warning_and_calls_every_operation(string properties)
    {
        using var consumer = ConsumerProject.Create(_feed, new Dictionary<string, string>
        {
            ["Consumer.csproj"] = ConsumerProject.ReadmeSnippet("getting-started.csproj"),
            ["Program.cs"] = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "ClicRdv.Packages.Tests", "Consumers", "EveryOperation.Program.cs")),
            ["EveryOperationTour.cs"] = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "ClicRdv.Emulator.Tests", "EveryOperationTour.cs")),
        });

        var publish = await consumer.PublishAsync(properties);

        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.DoesNotMatch(@"warning IL[23]\d{3}", publish.Output);
        foreach (var mode in new[] { "ProSession", "Basic" })
        {
            // A fresh emulator for each mode: the tour creates and deletes records, and counts them.
            await using var emulator = await ClicRdvEmulator.StartAsync();
            var pro = emulator.Users.First(user => user.Kind == "pro");
            var run = await consumer.RunPublishedAsync($"{emulator.BaseAddress} {emulator.ApiKey} {pro.Email} {pro.Password} {mode}");
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains($"{mode}: every operation answered as expected, and both errors too", run.Output);
            var succeeded = emulator.Requests.Where(request => request.Status is >= 200 and < 300).Select(request => request.OperationId).ToHashSet();
            Assert.Equal(emulator.OperationIds.OrderBy(id => id), succeeded.Where(id => id is not null).OrderBy(id => id));
        }
    }

    /// <summary>What the server of the shapes consumer answers, by path: each discriminator after other members, and values the document does not list.</summary>
    private static readonly Dictionary<string, string> ShapesAnswers = new()
    {
        ["/echo/pet"] = """{"name":"Bit","ageInWeeks":9,"petType":"puppy"}""",
        ["/unknown/echo/pet"] = """{"petType":"lizard","name":"Liz","scales":true}""",
        ["/echo/shape"] = """{"side":2,"kind":"Square"}""",
        ["/echo/palette"] = """{"main":"purple","all":["red","ultraviolet"],"byName":{"a":"infrared"},"level":7,"levels":[1,99]}""",
        ["/echo/account"] = """{"id":5,"login":"a","createdAt":"2024-05-01T10:00:00+00:00"}""",
        ["/echo/holder"] = """{"ref":7,"contact":{"phone":"06"}}""",
    };

    [Theory]
    [InlineData("-p:PublishAot=true")]
    [InlineData("--self-contained -p:PublishTrimmed=true")]
    public async Task A_consumer_of_its_own_document_published_with_native_AOT_or_trimming_reads_and_writes_hierarchies_unions_open_enums_and_read_only_members(string properties)
    {
        using var consumer = ConsumerProject.Create(_feed, new Dictionary<string, string>
        {
            ["Consumer.csproj"] = OwnDocumentProject("shapes.openapi.json", clicRdvNamespace: "Shapes"),
            ["shapes.openapi.json"] = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "ClicRdv.Generator.Tests", "Fixtures", "shapes.openapi.json")),
            ["Program.cs"] = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "ClicRdv.Packages.Tests", "Consumers", "Shapes.Program.cs")),
        });

        var publish = await consumer.PublishAsync(properties);

        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.DoesNotMatch(@"warning IL[23]\d{3}", publish.Output);
        await using var server = await RecordingServer.AnsweringByPathAsync(ShapesAnswers);
        var run = await consumer.RunPublishedAsync(server.BaseAddress.ToString());
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.EndsWith("shapes: every value read and written as expected", run.Output.TrimEnd());

        var requests = server.Requests;
        Assert.Equal(
            new[] { "/echo/pet", "/unknown/echo/pet", "/unknown/echo/pet", "/echo/shape", "/echo/palette", "/echo/palette", "/echo/account", "/echo/holder" },
            requests.Select(request => request.Path));
        Assert.Equal(Members("""{"petType":"cat","name":"Tom","indoor":true}"""), Members(requests[0].Body));
        Assert.Equal(Members(ShapesAnswers["/unknown/echo/pet"]), Members(requests[2].Body));
        Assert.Equal(Members("""{"kind":"Circle","radius":1.5}"""), Members(requests[3].Body));
        Assert.Equal(ShapesAnswers["/echo/palette"], requests[5].Body);
        Assert.Equal(Members("""{"login":"a","password":"p"}"""), Members(requests[6].Body));
        Assert.Equal("""{"ref":"INV-7","contact":{"email":"a@b.fr"}}""", requests[7].Body);
    }

    [Fact]
    public async Task Editing_the_document_changes_the_generated_api_on_the_next_build()
    {
        var document = File.ReadAllText(RepositoryPaths.Spec);
        using var consumer = ConsumerProject.Create(_feed, new Dictionary<string, string>
        {
            ["Consumer.csproj"] = OwnDocumentProject(),
            ["api.openapi.json"] = document,
            ["Program.cs"] = "var calendar = new MyApp.Api.Calendar(); System.Console.WriteLine(calendar.Publicname);\n",
        });
        var first = await consumer.BuildAsync();
        Assert.True(first.ExitCode == 0, first.Output);

        consumer.Write("api.openapi.json", document
            .Replace("\"publicname\"", "\"public_name\"", StringComparison.Ordinal)
            .Replace("\"paths\": {", "\"paths\": {\n    \"/api/v1/ping\": { \"get\": { \"tags\": [ \"groups\" ], \"operationId\": \"ping\", \"summary\": \"Ping.\", \"responses\": { \"204\": { \"description\": \"Pong.\" } } } },", StringComparison.Ordinal));
        var second = await consumer.BuildAsync();

        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("error CS1061", second.Output);
        Assert.Contains("'Calendar' does not contain a definition for 'Publicname'", second.Output);

        consumer.Write("Program.cs", "var calendar = new MyApp.Api.Calendar(); System.Console.WriteLine(calendar.PublicName);\nSystem.Func<System.Threading.CancellationToken, System.Threading.Tasks.Task> ping = ((MyApp.Api.IGroupsApi)null!).Ping;\n");
        var third = await consumer.BuildAsync();
        Assert.True(third.ExitCode == 0, third.Output);
    }

    [Fact]
    public async Task A_yaml_document_generates_in_the_real_compiler_and_a_yaml_error_fails_the_build_at_its_line()
    {
        // Kiota's YAML as it wrote it (a byte-order mark, comments, unquoted status keys), read by the packed YamlDotNet.
        using var consumer = ConsumerProject.Create(_feed, new Dictionary<string, string>
        {
            ["Consumer.csproj"] = OwnDocumentProject("fruits.openapi.yaml", clicRdvNamespace: "Fruits"),
            ["fruits.openapi.yaml"] = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "ClicRdv.Generator.Tests", "Fixtures", "peers", "kiota-model-with-derived-types.openapi.yaml")),
            ["Program.cs"] = "Fruits.Fruit fruit = new Fruits.Apple();\nSystem.Console.WriteLine($\"{fruit.GetType().Name} is a {typeof(Fruits.Apple).BaseType!.Name}\");\n",
        });

        var build = await consumer.BuildAsync();
        Assert.True(build.ExitCode == 0, build.Output);
        var run = await consumer.RunAsync("net10.0", new Dictionary<string, string>());
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("Apple is a Fruit", run.Output.Trim());

        consumer.Write("fruits.openapi.yaml", "openapi: 3.0.3\ninfo:\n  title: Broken\n  version: '1'\n paths: {}\n");
        var broken = await consumer.BuildAsync();

        Assert.NotEqual(0, broken.ExitCode);
        Assert.Matches(@"fruits\.openapi\.yaml\(5,2\): error CRDV001: .*is not valid YAML", broken.Output);
    }

    [Fact]
    public async Task A_split_document_builds_from_its_listed_files_an_edit_to_one_reaches_the_next_build_and_an_unlisted_one_fails_at_its_ref()
    {
        using var consumer = ConsumerProject.Create(_feed, new Dictionary<string, string>
        {
            ["Consumer.csproj"] = OwnDocumentProject("api.openapi.json;schemas/*.yaml", clicRdvNamespace: "Pets"),
            ["api.openapi.json"] = "{ \"openapi\": \"3.0.3\", \"info\": { \"title\": \"Pets\", \"version\": \"1\" },\n" +
                "  \"paths\": { \"/pets\": { \"get\": { \"operationId\": \"listPets\", \"responses\": { \"200\": { \"description\": \"ok\",\n" +
                "    \"content\": { \"application/json\": { \"schema\": { \"type\": \"array\", \"items\": { \"$ref\": \"./schemas/pet.yaml#/Pet\" } } } } } } } } } }\n",
            ["schemas/pet.yaml"] = "Pet:\n  type: object\n  properties:\n    name: { type: string }\n    owner: { $ref: 'owner.yaml' }\n",
            ["schemas/owner.yaml"] = "type: object\nproperties:\n  email: { type: string }\n",
            ["Program.cs"] = "var pet = new Pets.Pet { Name = \"Rex\", Owner = new Pets.Owner { Email = \"a@b.fr\" } };\n" +
                "System.Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(pet, Pets.ApiJsonContext.Default.Pet));\n" +
                "// The operation's answer is the class placed from the fragment.\n" +
                "static class Answers { public static System.Threading.Tasks.Task<System.Collections.Generic.List<Pets.Pet>> List(Pets.IPetsApi pets) => pets.ListPets(); }\n",
        });

        var build = await consumer.BuildAsync();
        Assert.True(build.ExitCode == 0, build.Output);
        var run = await consumer.RunAsync("net10.0", new Dictionary<string, string>());
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("{\"name\":\"Rex\",\"owner\":{\"email\":\"a@b.fr\"}}", run.Output.Trim());

        // The compiler hands the edited fragment to the generator: the old member is gone on the next build.
        consumer.Write("schemas/owner.yaml", "type: object\nproperties:\n  mail: { type: string }\n");
        var edited = await consumer.BuildAsync();
        Assert.NotEqual(0, edited.ExitCode);
        Assert.Contains("'Owner' does not contain a definition for 'Email'", edited.Output);

        // A file outside the listed ones is not read, and the build says where it is named and how to list it.
        consumer.Write("schemas/owner.yaml", "type: object\nproperties:\n  email: { type: string }\n  address: { $ref: '../shared/address.json' }\n");
        consumer.Write("shared/address.json", "{ \"type\": \"object\" }");
        var unlisted = await consumer.BuildAsync();
        Assert.NotEqual(0, unlisted.ExitCode);
        Assert.Matches(@"owner\.yaml\(4,\d+\): error CRDV003: .*'\.\./shared/address\.json' names a file that is not one of the project's AdditionalFiles", unlisted.Output);
    }

    [Fact]
    public async Task A_document_in_the_project_folder_is_read_without_being_listed_a_listed_one_keeps_its_metadata_and_bin_and_obj_are_not_read()
    {
        static string Api(string title, string schema) =>
            "{ \"openapi\": \"3.0.3\", \"info\": { \"title\": \"" + title + "\", \"version\": \"1\" }, \"paths\": {},\n" +
            "  \"components\": { \"schemas\": { \"" + schema + "\": { \"type\": \"object\", \"properties\": { \"id\": { \"type\": \"integer\" } } } } } }\n";
        var project = ConsumerProject.ReadmeSnippet("getting-started.csproj").Replace(
            "</PropertyGroup>",
            "  <ClicRdvIncludeBundledDocument>false</ClicRdvIncludeBundledDocument>\n  </PropertyGroup>\n  <ItemGroup>\n" +
            "    <AdditionalFiles Include=\"listed/billing.openapi.json\" ClicRdvNamespace=\"Billing\" />\n  </ItemGroup>",
            StringComparison.Ordinal);
        using var consumer = ConsumerProject.Create(_feed, new Dictionary<string, string>
        {
            ["Consumer.csproj"] = project,
            ["api.openapi.json"] = Api("Things", "Thing"),
            ["docs/more.openapi.yaml"] = "openapi: 3.0.3\ninfo: { title: More, version: '1' }\npaths: {}\ncomponents: { schemas: { Other: { type: object, properties: { id: { type: integer } } } } }\n",
            ["listed/billing.openapi.json"] = Api("Billing", "Invoice"),
            // Were these read, they would fail the build (CRDV001).
            ["bin/stale.openapi.json"] = "not json",
            ["obj/stale.openapi.json"] = "not json",
            ["Program.cs"] = "System.Console.WriteLine(typeof(MyApp.Api.Thing).FullName + \" \" + typeof(MyApp.More.Other).FullName + \" \" + typeof(Billing.Invoice).FullName);\n",
        });

        var build = await consumer.BuildAsync();
        Assert.True(build.ExitCode == 0, build.Output);
        var run = await consumer.RunAsync("net10.0", new Dictionary<string, string>());
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("MyApp.Api.Thing MyApp.More.Other Billing.Invoice", run.Output.Trim());

        // Turned off, only the listed document is read.
        consumer.Write("Consumer.csproj", project.Replace("</PropertyGroup>", "  <ClicRdvEnableDefaultDocumentItems>false</ClicRdvEnableDefaultDocumentItems>\n  </PropertyGroup>", StringComparison.Ordinal).Replace("Version=\"0.1.0\"", $"Version=\"{_feed.Version}\"", StringComparison.Ordinal));
        var off = await consumer.BuildAsync();
        Assert.NotEqual(0, off.ExitCode);
        // Nothing generates into MyApp any more, so the namespace itself is unknown.
        Assert.True(off.Output.Contains("error CS0246: The type or namespace name 'MyApp' could not be found", StringComparison.Ordinal), off.Output);
        Assert.DoesNotContain("'Billing'", off.Output);
    }

    [Fact]
    public async Task A_broken_document_fails_the_build_with_a_crdv_error_at_its_line()
    {
        using var consumer = ConsumerProject.Create(_feed, new Dictionary<string, string>
        {
            ["Consumer.csproj"] = OwnDocumentProject(),
            ["api.openapi.json"] = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Broken\", \"version\": \"1\" },\n  \"paths\": { \"/x\": { \"get\": { \"responses\": { \"200\": { \"description\": \"ok\" } } } },\n}\n",
            ["Program.cs"] = "System.Console.WriteLine();\n",
        });

        var build = await consumer.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"api\.openapi\.json\(\d+,\d+\): error CRDV00\d", build.Output);
    }

    [Fact]
    public async Task A_document_with_a_remote_reference_fails_the_build_at_the_ref_and_the_build_sends_no_request()
    {
        await using var server = await RecordingServer.StartAsync((_, context) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{ \"Remote\": { \"type\": \"object\" } }");
        });
        var remote = new Uri(server.BaseAddress, "remote.json") + "#/Remote";
        using var consumer = ConsumerProject.Create(_feed, new Dictionary<string, string>
        {
            ["Consumer.csproj"] = OwnDocumentProject(),
            ["api.openapi.json"] = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Remote\", \"version\": \"1\" },\n  \"paths\": { \"/x\": { \"get\": { \"responses\": { \"200\": { \"description\": \"ok\",\n" +
                "    \"content\": { \"application/json\": { \"schema\": { \"$ref\": \"" + remote + "\" } } } } } } } }\n}\n",
            ["Program.cs"] = "System.Console.WriteLine();\n",
        });

        var build = await consumer.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"api\.openapi\.json\(5,\d+\): error CRDV003: .*is a remote reference", build.Output);
        Assert.Empty(server.Requests);
    }

    /// <summary>
    /// The Getting started project, with the project's own copy of a document instead of the bundled one, generated into
    /// <paramref name="clicRdvNamespace"/> when one is given (else the root namespace and the file's name: `MyApp.Api`).
    /// </summary>
    private static string OwnDocumentProject(string document = "api.openapi.json", string? clicRdvNamespace = null) =>
        ConsumerProject.ReadmeSnippet("getting-started.csproj").Replace(
            "</PropertyGroup>",
            "  <ClicRdvIncludeBundledDocument>false</ClicRdvIncludeBundledDocument>\n  </PropertyGroup>\n  <ItemGroup>\n" +
            $"    <AdditionalFiles Include=\"{document}\"{(clicRdvNamespace is null ? string.Empty : $" ClicRdvNamespace=\"{clicRdvNamespace}\"")} />\n  </ItemGroup>",
            StringComparison.Ordinal);

    /// <summary>The members of a JSON object, each with its value as JSON, by name: two objects with the same members in any order give the same.</summary>
    private static string[] Members(string json) =>
        JsonNode.Parse(json)!.AsObject().Select(member => $"{member.Key}={member.Value?.ToJsonString() ?? "null"}").OrderBy(member => member, StringComparer.Ordinal).ToArray();

    private static string[] PackageFiles(ZipArchive package) =>
        package.Entries.Select(entry => entry.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal) && !name.StartsWith("package/", StringComparison.Ordinal) && name != "[Content_Types].xml")
            .OrderBy(name => name, StringComparer.OrdinalIgnoreCase)
            .ToArray();

    private static XDocument Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static string? Element(XDocument nuspec, string name) => nuspec.Descendants().FirstOrDefault(element => element.Name.LocalName == name)?.Value;

    private void AssertCommonMetadata(XDocument nuspec)
    {
        Assert.Equal(_feed.Version, Element(nuspec, "version"));
        Assert.Equal("MIT", Element(nuspec, "license"));
        Assert.Equal("PACKAGE.md", Element(nuspec, "readme"));
        Assert.False(string.IsNullOrWhiteSpace(Element(nuspec, "description")));
        Assert.Contains("clicrdv", Element(nuspec, "tags"));
        Assert.NotNull(nuspec.Descendants().FirstOrDefault(element => element.Name.LocalName == "repository"));
    }
}
