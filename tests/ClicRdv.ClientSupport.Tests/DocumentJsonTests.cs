using System.Collections.Generic;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ClicRdv.Generated.Support;
using Refit;
using Xunit;

namespace ClicRdv.ClientSupport.Tests;

public sealed class DocumentJsonTests
{
    [Fact]
    public void The_contexts_own_default_options_give_the_default_context()
    {
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(TestContext.Default.Options));

        Assert.Same(TestContext.Default, For(settings));
    }

    [Fact]
    public void The_same_options_give_the_same_context_and_other_options_another()
    {
        var options = new JsonSerializerOptions { WriteIndented = true };
        var first = For(new RefitSettings(new SystemTextJsonContentSerializer(options)));

        Assert.Same(first, For(new RefitSettings(new SystemTextJsonContentSerializer(options))));
        Assert.NotSame(first, For(new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions { WriteIndented = true }))));
        Assert.True(first!.Options.WriteIndented);
    }

    [Fact]
    public void Every_instance_of_Refits_default_options_shares_one_context()
    {
        Assert.Same(For(new RefitSettings()), For(new RefitSettings()));
    }

    [Fact]
    public void The_callers_options_are_copied_without_their_resolver_and_their_dictionary_key_policy()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };

        var context = For(new RefitSettings(new SystemTextJsonContentSerializer(options)))!;

        Assert.Equal(JsonIgnoreCondition.WhenWritingNull, context.Options.DefaultIgnoreCondition);
        Assert.Null(context.Options.DictionaryKeyPolicy);
        Assert.Same(context, context.Options.TypeInfoResolver);
        Assert.Equal("""{"Some Key":1}""", JsonSerializer.Serialize(new Dictionary<string, int> { ["Some Key"] = 1 }, context.DictionaryStringInt32));
    }

    [Fact]
    public void A_callers_own_content_serializer_gets_no_context()
    {
        Assert.Null(For(new RefitSettings(new OwnSerializer())));
    }

    [Theory]
    [InlineData("indented")]
    [InlineData("ignore")]
    [InlineData("converter")]
    [InlineData("resolver")]
    [InlineData("duplicates")]
    [InlineData("legacy null handling")]
    public void Options_that_differ_from_Refits_defaults_in_one_setting_are_not_taken_for_them(string change)
    {
        var options = SystemTextJsonContentSerializer.GetDefaultJsonSerializerOptions();
        Assert.True(RefitDefaults.AreMatchedBy(options));

        switch (change)
        {
            case "indented": options.WriteIndented = true; break;
            case "ignore": options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull; break;
            case "converter": options.Converters.Add(new JsonStringEnumConverter()); break;
            case "duplicates": options.AllowDuplicateProperties = !options.AllowDuplicateProperties; break;
#pragma warning disable SYSLIB0020 // The obsolete setting is still one a caller may have set.
            case "legacy null handling": options.IgnoreNullValues = !options.IgnoreNullValues; break;
#pragma warning restore SYSLIB0020
            default: options.TypeInfoResolver = TestContext.Default; break;
        }

        Assert.False(RefitDefaults.AreMatchedBy(options));
    }

    private static TestContext? For(RefitSettings settings) =>
        DocumentJson<TestContext>.For(settings, TestContext.Default, static options => new TestContext(options));

    private sealed class OwnSerializer : IHttpContentSerializer
    {
        public HttpContent ToHttpContent<T>(T item) => new StringContent("own");

        public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default) => Task.FromResult(default(T));

        public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => null;
    }
}

[JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class TestContext : JsonSerializerContext;
