using System.Text;
using ClicRdv.Generated.Support;
using Xunit;

namespace ClicRdv.ClientSupport.Tests;

public sealed class RequestCookiesTests
{
    [Fact]
    public void Cookies_are_name_value_pairs_joined_by_a_semicolon_and_a_space_and_null_values_are_left_out()
    {
        StringBuilder? header = null;

        RequestCookies.Add(ref header, "a", "1");
        RequestCookies.Add(ref header, "skipped", null);
        RequestCookies.Add(ref header, "b", "two");

        Assert.Equal("a=1; b=two", header!.ToString());
    }

    [Fact]
    public void No_value_leaves_no_header()
    {
        StringBuilder? header = null;

        RequestCookies.Add(ref header, "a", null);

        Assert.Null(header);
    }

    [Theory]
    [InlineData("plain-Value_1.2~!#$&'()*+/:<=>?@[]^`{|}", "plain-Value_1.2~!#$&'()*+/:<=>?@[]^`{|}")]
    [InlineData("a b", "a%20b")]
    [InlineData("x;y,z", "x%3By%2Cz")]
    [InlineData("\"q\"\\", "%22q%22%5C")]
    [InlineData("50%", "50%25")]
    [InlineData("é\t", "%C3%A9%09")]
    public void A_value_keeps_the_octets_RFC_6265_allows_and_percent_encodes_the_others(string value, string written)
    {
        StringBuilder? header = null;

        RequestCookies.Add(ref header, "v", value);

        Assert.Equal("v=" + written, header!.ToString());
    }

    [Fact]
    public void A_name_is_a_token_so_separators_in_it_are_percent_encoded()
    {
        StringBuilder? header = null;

        RequestCookies.Add(ref header, "a=b;c d", "1");

        Assert.Equal("a%3Db%3Bc%20d=1", header!.ToString());
    }
}
