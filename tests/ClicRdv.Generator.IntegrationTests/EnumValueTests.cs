using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Refit;
using Xunit;

namespace ClicRdv.Generator.IntegrationTests;

/// <summary>
/// A server that sends enum values its document does not list, against a real Kestrel server on 127.0.0.1. Open enums
/// (the default, <c>Shapes</c>) read them in a member, a list and a dictionary, keep them, and write them back byte for
/// byte; closed enums (<c>ClicRdvClosedEnums</c>, <c>Closed</c>) refuse them, naming the value and where it stood.
/// </summary>
public sealed class EnumValueTests
{
    private const string UnlistedValues =
        """{"main":"purple","all":["red","ultraviolet"],"byName":{"a":"green","b":"infrared"},"level":7,"levels":[1,99]}""";

    [Fact]
    public async Task An_open_enum_reads_values_the_document_does_not_list_and_writes_them_back_unchanged()
    {
        await using var server = await Answering(UnlistedValues);
        var client = new Shapes.ShapesApiClient(new HttpClient { BaseAddress = server.BaseAddress });

        var palette = await client.EchoPalette(new Shapes.Palette());
        await client.EchoPalette(palette);

        Assert.Equal(UnlistedValues, server.LastRequest.Body);
        Assert.Equal(("purple", false), (palette.Main!.Value.Value, palette.Main.Value.IsKnown));
        Assert.Equal(new[] { Shapes.Color.Red, new Shapes.Color("ultraviolet") }, palette.All);
        Assert.Equal((true, false), (palette.All![0].IsKnown, palette.All[1].IsKnown));
        Assert.Equal(Shapes.Color.Green, palette.ByName!["a"]);
        Assert.Equal("infrared", palette.ByName["b"].ToString());
        Assert.Equal((7, false), (palette.Level!.Value.Value, palette.Level.Value.IsKnown));
        Assert.Equal(new Shapes.Priority[] { Shapes.Priority.Low, 99 }, palette.Levels);
    }

    [Fact]
    public void An_open_enum_compares_by_wire_value_and_converts_both_ways()
    {
        Shapes.Color fromWire = "green";
        Shapes.Priority fromNumber = 3;

        Assert.True(fromWire == Shapes.Color.Green);
        Assert.True(fromNumber == Shapes.Priority.High);
        Assert.Equal(3, (int)fromNumber);
        Assert.Equal("green", (string)fromWire);
        Assert.Equal(string.Empty, default(Shapes.Color).Value);
        Assert.False(default(Shapes.Color).IsKnown);
        Assert.Equal(2, new HashSet<Shapes.Color> { "red", Shapes.Color.Red, new Shapes.Color("RED") }.Count);
        Assert.Equal("\"blue\"", JsonSerializer.Serialize(Shapes.Color.Blue, Shapes.ApiJsonContext.Default.Color));
        Assert.Equal(("blue", "High", "99"), (Shapes.Color.Blue.ToString(), Shapes.Priority.High.ToString(), new Shapes.Priority(99).ToString()));
    }

    [Theory]
    [InlineData("""{"main":"purple"}""", "$.main", "'purple' is not a value of Color")]
    [InlineData("""{"all":["red","ultraviolet"]}""", "$.all[1]", "'ultraviolet' is not a value of Color")]
    [InlineData("""{"byName":{"a":"infrared"}}""", "$.byName.a", "'infrared' is not a value of Color")]
    [InlineData("""{"level":7}""", "$.level", "is not a value of Priority")]
    public async Task A_closed_enum_refuses_a_value_the_document_does_not_list_naming_it_and_where_it_was(string answer, string path, string reason)
    {
        await using var server = await Answering(answer);
        var client = new Closed.PalettesApiClient(new HttpClient { BaseAddress = server.BaseAddress });

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.EchoPalette(new Closed.Palette()));

        var inner = Assert.IsType<JsonException>(exception.InnerException);
        Assert.Contains(reason, inner.Message);
        Assert.Equal(path, inner.Path);
        Assert.Equal(answer, exception.Content);
    }

    [Fact]
    public async Task A_closed_enum_is_a_csharp_enum_written_as_the_documents_values()
    {
        await using var server = await Answering("{}");
        var client = new Closed.PalettesApiClient(new HttpClient { BaseAddress = server.BaseAddress });

        await client.EchoPalette(new Closed.Palette { Main = Closed.Color.Blue, Level = Closed.Priority.High }, color: Closed.Color.Green);

        Assert.True(typeof(Closed.Color).IsEnum);
        Assert.Equal("""{"main":"blue","level":3}""", server.LastRequest.Body);
        Assert.Equal("?color=green", server.LastRequest.RawQuery);
    }

    private static Task<RecordingServer> Answering(string answer) => RecordingServer.AnsweringAsync(answer);
}
