using System;
using System.Globalization;
using System.Reflection;
using ClicRdv.Generated.Support;
using Refit;
using Xunit;

namespace ClicRdv.ClientSupport.Tests;

public sealed class UrlFormattingTests
{
    [Fact]
    public void Refits_default_formatter_keeps_the_documents_text()
    {
        var formatting = UrlFormatting.For(new RefitSettings());

        Assert.Null(formatting);
        Assert.Equal("document", UrlFormatting.Text(formatting, 42, "document"));
    }

    [Fact]
    public void A_callers_formatter_gets_the_value_and_its_type()
    {
        var formatting = UrlFormatting.For(new RefitSettings { UrlParameterFormatter = new Describing("custom") });

        Assert.Equal("custom:42:System.Int32:0", UrlFormatting.Text(formatting, 42, "document"));
        Assert.Equal("custom::System.Nullable`1[System.Int32]:0", UrlFormatting.Text<int?>(formatting, null, null));
    }

    [Fact]
    public void A_formatter_mapped_to_a_type_wins_for_that_type()
    {
        var settings = new RefitSettings();
        settings.UrlParameterFormatterMap[typeof(DateTime)] = new Describing("dates");
        var formatting = UrlFormatting.For(settings);

        Assert.StartsWith("dates:", UrlFormatting.Text(formatting, new DateTime(2024, 1, 2), "document"), StringComparison.Ordinal);
        Assert.Equal("7", UrlFormatting.Text(formatting, 7, "document"));
    }

    private sealed class Describing(string name) : IUrlParameterFormatter
    {
        public string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type) =>
            $"{name}:{Convert.ToString(value, CultureInfo.InvariantCulture)}:{type}:{attributeProvider.GetCustomAttributes(true).Length}";
    }
}
