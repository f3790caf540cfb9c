using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using ClicRdv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// The typed factories <c>x-condition</c> gives a condition schema: named after its operator enum, writing values as
/// the document says, compiling in a consumer's code; and a rule that is malformed or does not fit its schema is a
/// located CRDV108 warning with no factories, never a crash.
/// </summary>
public sealed class ConditionTests
{
    private const string Path = "/project/shop.openapi.json";

    private const string Rule = """{ "field": "name", "operator": "comparison", "value": "operand", "listOperators": ["in"], "listSeparator": "|", "dateTimeFormat": "dd/MM/yyyy HH:mm" }""";

    [Fact]
    public void Each_operator_gets_a_factory_named_after_its_enum_member_and_the_document_s_limits()
    {
        var run = GeneratorHarness.Run(Path, Document(Rule));

        Assert.Empty(Problems(run));
        var source = run.Source("shop.Conditions.g.cs");
        Assert.Contains("public partial class Filter", source);
        foreach (var declaration in new[]
        {
            "public static Filter Eq(string field, string value)",
            "public static Filter Eq(string field, long value)",
            "public static Filter Eq(string field, double value)",
            "public static Filter Eq(string field, decimal value)",
            "public static Filter Eq(string field, bool value)",
            "public static Filter Eq(string field, global::System.DateTime value)",
            "public static Filter Eq(string field, global::System.DateOnly value)",
            "public static Filter GreaterThan(string field, string value)",
            "public static Filter In(string field, params long[] values)",
            "public static Filter In(string field, global::System.Collections.Generic.IEnumerable<string> values)",
        })
        {
            Assert.Contains(declaration, source);
        }

        Assert.DoesNotContain("public static Filter In(string field, string value)", source);
        Assert.Contains("\"|\", 50, nameof(values)", source);
        Assert.Contains("ConditionText.Field(field, 20, nameof(field))", source);
        Assert.Contains("\"dd/MM/yyyy HH:mm\"", source);
    }

    [Fact]
    public void The_factories_build_conditions_as_the_document_writes_them_and_refuse_bad_ones_before_anything_is_sent()
    {
        var (filter, context) = Load(Document(Rule));
        try
        {
            Assert.Equal(("name", "in", "1|2|3"), Parts(Invoke(filter, "In", "name", new long[] { 1, 2, 3 })));
            Assert.Equal(("name", "in", "a|b"), Parts(Invoke(filter, "In", "name", (IEnumerable<string>)new List<string> { "a", "b" })));
            Assert.Equal(("start", "greater than", "05/01/2026 09:30"), Parts(Invoke(filter, "GreaterThan", "start", new DateTime(2026, 1, 5, 9, 30, 0))));
            Assert.Equal(("day", "eq", "2026-01-05"), Parts(Invoke(filter, "Eq", "day", new DateOnly(2026, 1, 5))));
            Assert.Equal(("price", "eq", "12.5"), Parts(Invoke(filter, "Eq", "price", 12.5m)));
            Assert.Equal(("active", "eq", "true"), Parts(Invoke(filter, "Eq", "active", true)));

            Assert.Equal("field", Refusal(() => Invoke(filter, "Eq", " ", "x")).ParamName);
            Assert.Equal("field", Refusal(() => Invoke(filter, "Eq", new string('f', 21), "x")).ParamName);
            Assert.Equal("value", Refusal(() => Invoke(filter, "Eq", "name", new string('v', 51))).ParamName);
            Assert.Equal("values", Refusal(() => Invoke(filter, "In", "name", Array.Empty<long>())).ParamName);
            Assert.Equal("values", Refusal(() => Invoke(filter, "In", "name", new[] { "a|b" })).ParamName);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Consumer_code_calls_the_factories_and_the_raw_form_without_ambiguity()
    {
        const string consumer = """
            using System.Collections.Generic;
            using Consumer;

            static class Use
            {
                static Filter[] All() => new[]
                {
                    Filter.Eq("name", "Dupont"),
                    Filter.Eq("count", 3),
                    Filter.Eq("ratio", 0.5),
                    Filter.GreaterThan("start", new System.DateTime(2026, 1, 5, 9, 0, 0)),
                    Filter.In("id", 1, 2, 3),
                    Filter.In("status", new List<string> { "open", "closed" }),
                    Filter.In("status", "open"),
                    new Filter { Name = "name", Comparison = Comparison.Eq, Operand = "raw" },
                };
            }
            """;
        var run = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(Path, Document(Rule)) }, perFile: new Dictionary<string, IReadOnlyDictionary<string, string>> { [Path] = GeneratorHarness.InNamespace("Consumer") }),
            GeneratorHarness.CreateCompilation(consumer));

        Assert.Empty(Problems(run));
    }

    [Theory]
    [InlineData("ClicRdvClosedEnums", "true")]
    [InlineData("ClicRdvAccessibility", "internal")]
    public void The_factories_compile_with_closed_enums_and_internal_types(string option, string value)
    {
        var run = GeneratorHarness.Run(Path, Document(Rule), new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer", ["build_property." + option] = value });

        Assert.Empty(Problems(run));
        Assert.Contains("Comparison.GreaterThan,", run.Source("shop.Conditions.g.cs"));
        Assert.Contains((value == "internal" ? "internal" : "public") + " partial class Filter", run.Source("shop.Conditions.g.cs"));
    }

    [Fact]
    public void Date_times_are_written_in_the_document_s_format_when_the_rule_names_none()
    {
        var withFormat = GeneratorHarness.Run(Path, Document(Rule.Replace(", \"dateTimeFormat\": \"dd/MM/yyyy HH:mm\"", string.Empty), documentDateTimeFormat: "yyyy-MM-dd HH:mm:ss"));
        var withoutFormat = GeneratorHarness.Run(Path, Document(Rule.Replace(", \"dateTimeFormat\": \"dd/MM/yyyy HH:mm\"", string.Empty)));

        Assert.Empty(Problems(withFormat));
        Assert.Contains("ConditionText.Format(value, \"yyyy-MM-dd HH:mm:ss\")", withFormat.Source("shop.Conditions.g.cs"));
        Assert.Contains("ConditionText.Format(value, \"yyyy-MM-dd'T'HH:mm:ss\")", withoutFormat.Source("shop.Conditions.g.cs"));
    }

    [Fact]
    public void A_factory_named_like_a_member_of_the_class_takes_a_2()
    {
        var run = GeneratorHarness.Run(Path, Document(Rule, operators: """["eq", "name", "in"]"""));

        Assert.Empty(Problems(run));
        var source = run.Source("shop.Conditions.g.cs");
        Assert.Contains("public static Filter Name2(string field, string value) => __Create(field, Comparison.Name,", source);
        Assert.DoesNotContain("public static Filter Name(", source);
    }

    [Theory]
    [InlineData("\"yes\"", "takes an object")]
    [InlineData("""{ "field": "name", "operator": "comparison" }""", "must name, as strings, the field, operator and value members")]
    [InlineData("""{ "field": "name", "operator": "comparison", "value": "operand", "separator": "," }""", "has no member 'separator'")]
    [InlineData("""{ "field": "missing", "operator": "comparison", "value": "operand" }""", "it has no member 'missing'")]
    [InlineData("""{ "field": "comparison", "operator": "comparison", "value": "operand" }""", "its member 'comparison' is not a string")]
    [InlineData("""{ "field": "name", "operator": "name", "value": "operand" }""", "its operator member 'name' is not a string enum")]
    [InlineData("""{ "field": "name", "operator": "comparison", "value": "operand", "listOperators": ["like"] }""", "listOperators names 'like', which its operator enum does not list")]
    [InlineData("""{ "field": "name", "operator": "comparison", "value": "operand", "listOperators": "in" }""", "listOperators is an array")]
    [InlineData("""{ "field": "name", "operator": "comparison", "value": "operand", "listSeparator": "" }""", "listSeparator is a string of at least one character")]
    [InlineData("""{ "field": "name", "operator": "comparison", "value": "operand", "dateTimeFormat": "%" }""", "dateTimeFormat is a .NET custom date and time format string")]
    public void A_rule_that_is_malformed_or_does_not_fit_its_schema_is_CRDV108_at_the_extension_and_gives_no_factories(string rule, string reason)
    {
        var text = Document(rule);
        var run = GeneratorHarness.Run(Path, text);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV108", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("The schema 'Filter'", diagnostic.GetMessage());
        Assert.Contains(reason, diagnostic.GetMessage());
        Assert.Equal(Path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(LineOf(text, "\"x-condition\""), diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.DoesNotContain(run.DocumentSources, source => source.HintName.EndsWith(".Conditions.g.cs", StringComparison.Ordinal));
        Assert.Empty(run.CompilationProblems.Select(problem => problem.ToString()));
    }

    [Fact]
    public void A_rule_on_a_schema_that_is_not_an_object_is_CRDV108()
    {
        var onFilter = Document(Rule).Split('\n').Where(line => !line.TrimStart().StartsWith("\"x-condition\"", StringComparison.Ordinal));
        var text = string.Join("\n", onFilter).Replace("\"Comparison\": { \"type\": \"string\"", $"\"Comparison\": {{ \"x-condition\": {Rule}, \"type\": \"string\"");
        var run = GeneratorHarness.Run(Path, text);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CRDV108", diagnostic.Id);
        Assert.Contains("The schema 'Comparison'", diagnostic.GetMessage());
        Assert.Contains("it is not an object schema", diagnostic.GetMessage());
    }

    [Fact]
    public void A_condition_no_selected_operation_reaches_goes_with_its_contract_and_contracts_only_keeps_it()
    {
        var unreached = GeneratorHarness.Run(Path, Document(Rule), new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer", ["build_property.ClicRdvIncludeTags"] = "other" });
        var contractsOnly = GeneratorHarness.Run(Path, Document(Rule), new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer", ["build_property.ClicRdvGenerate"] = "Contracts" });

        Assert.Empty(Problems(unreached));
        Assert.DoesNotContain(unreached.DocumentSources, source => source.HintName.EndsWith(".Conditions.g.cs", StringComparison.Ordinal));
        Assert.Empty(Problems(contractsOnly));
        Assert.Equal(new[] { "Conditions", "Contracts", "Json" }, contractsOnly.DocumentSources.Select(source => source.HintName.Split('.')[^3]).OrderBy(name => name));
    }

    [Fact]
    public void An_unrelated_csharp_edit_regenerates_no_factory()
    {
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(Path, Document(Rule)) }), compilation);

        var second = GeneratorHarness.Run(first.Driver, compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", GeneratorHarness.ParseOptions)));

        Assert.Contains(second.Result.GeneratedSources, source => source.HintName.EndsWith(".Conditions.g.cs", StringComparison.Ordinal));
        Assert.All(second.Result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    /// <summary>
    /// A list operation filtered by <c>Filter</c> (name, comparison, operand), an operation of another tag that uses
    /// none, and <paramref name="rule"/> as Filter's <c>x-condition</c>, on a line of its own.
    /// </summary>
    private static string Document(string rule, string operators = """["eq", "greater than", "in"]""", string? documentDateTimeFormat = null)
    {
        var since = documentDateTimeFormat is null
            ? string.Empty
            : $$""", { "name": "since", "in": "query", "schema": { "type": "string", "x-date-time-format": "{{documentDateTimeFormat}}" } }""";
        return $$"""
            {
              "openapi": "3.0.3",
              "info": { "title": "Shop", "version": "1" },
              "paths": {
                "/orders": { "get": { "operationId": "listOrders", "tags": ["orders"],
                  "parameters": [ { "name": "filters", "in": "query", "style": "deepObject", "explode": true, "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Filter" } } }{{since}} ],
                  "responses": { "200": { "description": "The orders.", "content": { "application/json": { "schema": { "type": "array", "items": { "type": "string" } } } } } } } },
                "/other": { "get": { "operationId": "listOther", "tags": ["other"],
                  "responses": { "200": { "description": "Others.", "content": { "application/json": { "schema": { "type": "array", "items": { "type": "string" } } } } } } } }
              },
              "components": {
                "schemas": {
                  "Filter": {
                    "type": "object",
                    "x-condition": {{rule}},
                    "required": ["name", "comparison", "operand"],
                    "properties": {
                      "name": { "type": "string", "maxLength": 20 },
                      "comparison": { "$ref": "#/components/schemas/Comparison" },
                      "operand": { "type": "string", "maxLength": 50 }
                    }
                  },
                  "Comparison": { "type": "string", "enum": {{operators}}, "x-enumNames": {{Names(operators)}} }
                }
              }
            }
            """.Replace("\r\n", "\n");
    }

    /// <summary>The enum names of the operators: "greater than" is GreaterThan, the others their PascalCase.</summary>
    private static string Names(string operators) =>
        "[" + string.Join(", ", System.Text.Json.JsonSerializer.Deserialize<string[]>(operators)!.Select(value => "\"" + string.Concat(value.Split(' ').Select(word => char.ToUpperInvariant(word[0]) + word[1..])) + "\"")) + "]";

    private static int LineOf(string text, string needle) => text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(character => character == '\n') + 1;

    private static IEnumerable<string> Problems(GeneratorRun run) =>
        run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).Concat(run.CompilationProblems).Select(diagnostic => diagnostic.ToString());

    private static (Type Filter, AssemblyLoadContext Context) Load(string document)
    {
        var (assembly, context) = GeneratorHarness.Run(Path, document).Load("conditions");
        return (assembly.GetType("Consumer.Filter", throwOnError: true)!, context);
    }

    /// <summary>Calls the factory whose second parameter is exactly the argument's type (a sequence for a list, not its params array).</summary>
    private static object Invoke(Type filter, string factory, string field, object argument)
    {
        var method = filter.GetMethods(BindingFlags.Public | BindingFlags.Static).Single(candidate =>
            candidate.Name == factory
            && candidate.GetParameters()[1].ParameterType == (argument is List<string> ? typeof(IEnumerable<string>) : argument.GetType()));
        try
        {
            return method.Invoke(null, new[] { field, argument })!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }

    private static ArgumentException Refusal(Func<object> factory) => Assert.ThrowsAny<ArgumentException>(factory);

    private static (string? Field, string? Operator, string? Value) Parts(object condition)
    {
        var type = condition.GetType();
        string? Text(string property) => type.GetProperty(property)!.GetValue(condition)?.ToString();
        return (Text("Name"), Text("Comparison"), Text("Operand"));
    }
}
