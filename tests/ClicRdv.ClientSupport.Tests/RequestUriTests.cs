using System;
using System.Net.Http;
using System.Text;
using ClicRdv.Generated.Support;
using Xunit;

namespace ClicRdv.ClientSupport.Tests;

public sealed class RequestUriTests
{
    [Theory]
    [InlineData("https://api.example.com/", "/pets", "https://api.example.com/pets")]
    [InlineData("https://api.example.com/v1/", "/pets", "https://api.example.com/v1/pets")]
    [InlineData("https://api.example.com/v1", "/pets", "https://api.example.com/v1/pets")]
    public void The_path_is_appended_to_the_base_address_path_as_Refit_does(string baseAddress, string path, string expected)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseAddress) };

        Assert.Equal(expected, RequestUri.Build(client, path, null).ToString());
    }

    [Fact]
    public void A_client_without_base_address_gets_an_error_that_says_what_to_set()
    {
        using var client = new HttpClient();

        var exception = Assert.Throws<InvalidOperationException>(() => RequestUri.Build(client, "/pets", null));

        Assert.Contains("BaseAddress", exception.Message);
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("é x", "%C3%A9%20x")]
    [InlineData("..a", "..a")]
    public void A_path_parameter_stays_one_segment(string value, string expected) =>
        Assert.Equal(expected, RequestUri.EscapePathSegment(value));

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void A_path_parameter_that_would_move_up_the_path_is_refused(string value) =>
        Assert.Throws<ArgumentException>(() => RequestUri.EscapePathSegment(value));

    [Fact]
    public void Query_values_are_escaped_and_null_values_left_out()
    {
        StringBuilder? query = null;

        RequestUri.AddQuery(ref query, "a", "x&y=z");
        RequestUri.AddQuery(ref query, "skipped", null);
        RequestUri.AddQuery(ref query, "b%5B%5D", "1 2");

        Assert.Equal("?a=x%26y%3Dz&b%5B%5D=1%202", query!.ToString());
    }

    [Fact]
    public void Joined_values_keep_a_separator_for_every_item_even_an_empty_one()
    {
        Assert.Equal(",b,", RequestUri.Join(",", new[] { "", "b", "" }, null, static value => value));
        Assert.Equal("1|2", RequestUri.Join("|", new[] { 1, 2 }, null, static value => WireText.Format(value)));
    }
}
