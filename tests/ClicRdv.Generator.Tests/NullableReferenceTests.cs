using ClicRdv.Generator.Tests.PropertyBased;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>
/// Under OpenAPI 3.0 "nullable" beside <c>allOf</c> or <c>$ref</c> does not make the referenced schema accept null, so a
/// document that validators must accept writes a nullable reference as <c>oneOf</c> (or <c>anyOf</c>) of the reference and
/// an alternative that is only null. The generated property is then the referenced type made nullable, as with the
/// <c>allOf</c> form: not a union mapped to any JSON value.
/// </summary>
public sealed class NullableReferenceTests
{
    /// <summary>The ways a 3.0 (or 3.1) document spells "only null".</summary>
    public static TheoryData<string, string> NullAlternatives => new()
    {
        { "oneOf", "{ \"type\": \"object\", \"nullable\": true, \"enum\": [ null ] }" },
        { "anyOf", "{ \"type\": \"object\", \"nullable\": true, \"enum\": [ null ] }" },
        { "oneOf", "{ \"type\": \"string\", \"nullable\": true, \"enum\": [ null ] }" },
        { "oneOf", "{ \"enum\": [ null ] }" },
        { "anyOf", "{ \"type\": \"null\" }" },
        { "oneOf", "{ \"$ref\": \"#/components/schemas/NullValue\" }" },
    };

    [Theory]
    [MemberData(nameof(NullAlternatives))]
    public void A_reference_to_an_object_or_null_is_the_object_made_nullable(string union, string nullAlternative)
    {
        var run = GeneratorProperties.Check(Document(union, "#/components/schemas/Customer", nullAlternative));

        var contracts = run.Source("Contracts.g.cs");
        Assert.Contains("    /// <summary>The value, or null.</summary>\n    [__Json.JsonPropertyName(\"value\")]\n    public Customer? Value { get; set; }", contracts);
        Assert.DoesNotContain("class NullValue", contracts);
    }

    [Theory]
    [MemberData(nameof(NullAlternatives))]
    public void A_reference_to_a_formatted_date_time_or_null_is_a_nullable_DateTime_with_its_converter(string union, string nullAlternative)
    {
        var run = GeneratorProperties.Check(Document(union, "#/components/schemas/LocalDateTime", nullAlternative));

        Assert.Contains(
            "    /// <summary>The value, or null.</summary>\n    [__Json.JsonPropertyName(\"value\")]\n    [__Json.JsonConverter(typeof(DateTimeJsonConverter))]\n    public global::System.DateTime? Value { get; set; }",
            run.Source("Contracts.g.cs"));
        Assert.Contains("converter: __Support.NullableOf(new DateTimeJsonConverter(), o)", run.Source(".api.Json.g.cs"));
    }

    [Fact]
    public void Two_references_besides_null_are_still_a_union()
    {
        var run = GeneratorProperties.Check(Document("oneOf", "#/components/schemas/Customer", "{ \"$ref\": \"#/components/schemas/LocalDateTime\" }, { \"enum\": [ null ] }"));

        // An object or a date-time string: a nullable union of the two.
        Assert.Contains("public HolderValue? Value { get; set; }", run.Source("Contracts.g.cs"));
        Assert.Contains("public sealed partial class HolderValue", run.Source("Contracts.g.cs"));
    }

    private static string Document(string union, string reference, string alternatives) =>
        "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Nullable references\", \"version\": \"1\" },\n" +
        "  \"paths\": { \"/holder\": { \"get\": { \"operationId\": \"getHolder\", \"responses\": { \"200\": { \"description\": \"ok\",\n" +
        "    \"content\": { \"application/json\": { \"schema\": { \"$ref\": \"#/components/schemas/Holder\" } } } } } } } },\n" +
        "  \"components\": { \"schemas\": {\n" +
        "    \"Customer\": { \"type\": \"object\", \"properties\": { \"id\": { \"type\": \"integer\" } } },\n" +
        "    \"LocalDateTime\": { \"type\": \"string\", \"x-date-time-format\": \"yyyy-MM-dd HH:mm:ss\" },\n" +
        "    \"NullValue\": { \"type\": \"object\", \"nullable\": true, \"enum\": [ null ] },\n" +
        "    \"Holder\": { \"type\": \"object\", \"properties\": { \"value\": { \"description\": \"The value, or null.\", \"" + union + "\": [ { \"$ref\": \"" + reference + "\" }, " + alternatives + " ] } } }\n" +
        "  } }\n}\n";
}
