using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using ClicRdv.Generated.Support;
using Xunit;

namespace ClicRdv.ClientSupport.Tests;

/// <summary>The parts of a typed condition (x-condition), written as the API reads them and refused before sending.</summary>
public sealed class ConditionTextTests
{
    [Fact]
    public void A_date_time_is_its_clock_time_in_the_document_s_format_whatever_the_culture()
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new CultureInfo("ar-SA");
        try
        {
            Assert.Equal("2026-01-05 09:03:07", ConditionText.Format(new DateTime(2026, 1, 5, 9, 3, 7, DateTimeKind.Utc), "yyyy-MM-dd HH:mm:ss"));
            Assert.Equal("2026-01-05 09:03:07", ConditionText.Format(new DateTime(2026, 1, 5, 9, 3, 7, DateTimeKind.Local), "yyyy-MM-dd HH:mm:ss"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_list_is_its_items_joined_with_the_separator_in_order()
    {
        Assert.Equal("1,2,3", ConditionText.List(new long[] { 1, 2, 3 }, WireText.Format, ",", null, "values"));
        Assert.Equal("open; closed", ConditionText.List(new[] { "open", " closed" }, item => item, ";", null, "values"));
        Assert.Equal("7", ConditionText.List(new long[] { 7 }, WireText.Format, ",", 1, "values"));
    }

    [Fact]
    public void A_list_is_read_once_so_a_one_shot_sequence_works()
    {
        Assert.Equal("a,b", ConditionText.List(OneShot("a", "b"), item => item, ",", null, "values"));
    }

    [Fact]
    public void An_empty_list_is_refused_naming_the_parameter()
    {
        var refusal = Assert.Throws<ArgumentException>(() => ConditionText.List(Array.Empty<string>(), item => item, ",", null, "values"));

        Assert.Equal("values", refusal.ParamName);
        Assert.Contains("at least one value", refusal.Message);
    }

    [Theory]
    [InlineData("a,b", "holds the list separator ','")]
    [InlineData("", "is empty")]
    public void An_item_the_server_would_not_read_back_as_one_value_is_refused(string item, string reason)
    {
        var refusal = Assert.Throws<ArgumentException>(() => ConditionText.List(new[] { "ok", item }, text => text, ",", null, "values"));

        Assert.Equal("values", refusal.ParamName);
        Assert.Contains("Item 1", refusal.Message);
        Assert.Contains(reason, refusal.Message);
    }

    [Fact]
    public void A_null_item_or_list_is_refused()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => ConditionText.List(new string?[] { null }, text => text!, ",", null, "values")).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => ConditionText.List<string>(null!, text => text, ",", null, "values")).ParamName);
    }

    [Fact]
    public void A_separator_of_several_characters_is_matched_whole()
    {
        Assert.Equal("a|b||c|d", ConditionText.List(new[] { "a|b", "c|d" }, item => item, "||", null, "values"));
        Assert.Throws<ArgumentException>(() => ConditionText.List(new[] { "a||b" }, item => item, "||", null, "values"));
    }

    [Fact]
    public void A_list_longer_than_the_schema_allows_is_refused_once_joined()
    {
        Assert.Equal("1,2", ConditionText.List(new long[] { 1, 2 }, WireText.Format, ",", 3, "values"));

        var refusal = Assert.Throws<ArgumentException>(() => ConditionText.List(new long[] { 1, 22 }, WireText.Format, ",", 3, "values"));

        Assert.Equal("values", refusal.ParamName);
        Assert.Contains("at most 3", refusal.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_field_is_refused_naming_the_parameter(string field)
    {
        Assert.Equal("field", Assert.Throws<ArgumentException>(() => ConditionText.Field(field, null, "field")).ParamName);
    }

    [Fact]
    public void A_field_or_value_longer_than_the_schema_allows_is_refused_and_one_at_the_limit_is_kept()
    {
        Assert.Equal("abc", ConditionText.Field("abc", 3, "field"));
        Assert.Equal("abc", ConditionText.Value("abc", 3, "value"));
        Assert.Equal("field", Assert.Throws<ArgumentException>(() => ConditionText.Field("abcd", 3, "field")).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => ConditionText.Value("abcd", 3, "value")).ParamName);
        Assert.Equal(new string('x', 10_001), ConditionText.Value(new string('x', 10_001), null, "value"));
    }

    [Fact]
    public void A_null_field_or_value_is_refused_and_an_empty_value_is_kept()
    {
        Assert.Equal("field", Assert.Throws<ArgumentNullException>(() => ConditionText.Field(null!, null, "field")).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => ConditionText.Value(null!, null, "value")).ParamName);
        Assert.Equal(string.Empty, ConditionText.Value(string.Empty, null, "value"));
    }

    private static IEnumerable<string> OneShot(params string[] items)
    {
        foreach (var item in items)
        {
            yield return item;
        }
    }
}
