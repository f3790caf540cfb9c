using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using ClicRdv.Generated.Support;
using Xunit;

namespace ClicRdv.ClientSupport.Tests;

public sealed class FormBodyTests
{
    [Fact]
    public async Task Text_fields_are_written_byte_for_byte_as_FormUrlEncodedContent_writes_them()
    {
        var fields = new[] { ("pro[email]", "ann@example.com"), ("note", "a b+c&d=é 🙂"), ("empty", ""), ("~-._", "~-._*'()") };
        var form = new FormBody();
        foreach (var (key, value) in fields)
        {
            form.Add(key, value);
        }

        using var expected = new FormUrlEncodedContent(System.Linq.Enumerable.Select(fields, field => new KeyValuePair<string, string>(field.Item1, field.Item2)));
        using var content = form.ToContent();

        Assert.Equal(await expected.ReadAsStringAsync(), await content.ReadAsStringAsync());
        Assert.Equal(expected.Headers.ContentType, content.Headers.ContentType);
    }

    [Fact]
    public async Task Bytes_go_out_as_their_octets_percent_encoded_even_when_they_are_not_UTF8()
    {
        var form = new FormBody();
        form.Add("raw", new byte[] { (byte)'a', (byte)' ', 0x00, 0xFF, 0xC3, (byte)'~', (byte)'&' });
        form.Add("user", "ann");

        using var content = form.ToContent();

        Assert.Equal("raw=a+%00%FF%C3~%26&user=ann", await content.ReadAsStringAsync());
    }
}
