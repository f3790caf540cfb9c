using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ClicRdv.Generated;
using ClicRdv.Runtime;
using ClicRdv.Testing;
using Microsoft.AspNetCore.Http;
using Refit;
using Wire;
using Xunit;

namespace ClicRdv.Generator.IntegrationTests;

/// <summary>
/// The generated clients write and read the document's values (hyphenated, spaced and digit-first enum strings,
/// integer enums, a fixed date-time format) byte for byte, whatever settings they are created with: no settings,
/// Refit's defaults (a camel-case string enum converter), the runtime's settings, and options with another enum
/// converter and a snake-case naming policy. A real Kestrel server on 127.0.0.1 records the request and echoes its body.
/// </summary>
public sealed class WireFormatTests : IAsyncLifetime
{
    /// <summary>The palette below, as the document writes it: every member set, so every setting writes the same bytes.</summary>
    private const string PaletteJson =
        """{"main":"dark-blue","accent":"light green","level":2,"next_level":10,"colors":["2tone","RED","dark-blue"],"levels":[1,10],"by_room":{"Living Room":"light green"},"painted_at":"2024-12-24 09:05:00","display_name":"Hall","note":"matte"}""";

    private RecordingServer _server = null!;
    private HttpClient _httpClient = null!;

    public static TheoryData<string> Settings => new() { "none", "Refit defaults", "ClicRdvJson", "camel-case enums and snake_case names" };

    public async Task InitializeAsync()
    {
        _server = await RecordingServer.StartAsync((request, context) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(request.Body);
        });
        _httpClient = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _httpClient.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task Bodies_and_queries_carry_the_documents_values_and_answers_are_read_back_under_any_settings(string settings)
    {
        var palettes = Create(settings);

        var echoed = await palettes.EchoPalette(NewPalette(), color: Color.DarkBlue, level: Level.Value2, since: new DateTime(2024, 3, 1, 10, 0, 0));

        var request = _server.LastRequest;
        Assert.Equal(PaletteJson, request.Body);
        Assert.Equal("?color=dark-blue&level=2&since=2024-03-01%2010%3A00%3A00", request.RawQuery);
        Assert.Equal(PaletteJson, JsonSerializer.Serialize(echoed, ApiJsonContext.Default.Palette));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task An_array_body_of_enums_goes_out_and_comes_back_as_the_documents_strings(string settings)
    {
        var palettes = Create(settings);

        var echoed = await palettes.EchoColors(new[] { Color._2tone, Color.LightGreen });

        Assert.Equal("""["2tone","light green"]""", _server.LastRequest.Body);
        Assert.Equal(new[] { Color._2tone, Color.LightGreen }, echoed);
    }

    [Fact]
    public async Task RestService_For_with_Refits_defaults_sends_the_documents_values()
    {
        var palettes = RestService.For<IPalettesApi>(new HttpClient { BaseAddress = _server.BaseAddress });

        await palettes.EchoPalette(NewPalette(), level: Level.Value10);

        Assert.Equal(PaletteJson, _server.LastRequest.Body);
        Assert.Equal("?level=10", _server.LastRequest.RawQuery);
    }

    [Fact]
    public async Task A_member_the_document_does_not_allow_to_be_null_is_left_out_even_when_the_options_write_nulls()
    {
        // Refit's default options write null members; "note" and "accent" allow null, the others do not.
        var palettes = Create("Refit defaults");

        await palettes.EchoPalette(new Palette { Main = Color.RED, Level = Level.Value1 });

        Assert.Equal("""{"main":"RED","accent":null,"level":1,"note":null}""", _server.LastRequest.Body);
    }

    [Fact]
    public async Task The_runtime_settings_leave_out_every_null_member()
    {
        var palettes = Create("ClicRdvJson");

        await palettes.EchoPalette(new Palette { Main = Color.RED, Level = Level.Value1 });

        Assert.Equal("""{"main":"RED","level":1}""", _server.LastRequest.Body);
    }

    [Fact]
    public async Task A_member_marked_to_be_written_as_null_is_sent_as_null_under_the_runtime_settings_and_one_the_document_forbids_is_refused()
    {
        var palettes = Create("ClicRdvJson");

        await palettes.EchoPalette(new Palette { Main = Color.RED, Level = Level.Value1 }.WriteAsNull(nameof(Palette.Note)));
        Assert.Equal("""{"main":"RED","level":1,"note":null}""", _server.LastRequest.Body);
        var requests = _server.Requests.Count;

        // "display_name" does not allow null: the call fails before anything is sent.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => palettes.EchoPalette(new Palette { Main = Color.RED, Level = Level.Value1 }.WriteAsNull(nameof(Palette.DisplayName))));
        Assert.Contains("Palette.DisplayName cannot be written as null", refused.ToString());
        Assert.Equal(requests, _server.Requests.Count);
    }

    [Fact]
    public async Task A_callers_own_content_serializer_does_the_reading_and_writing()
    {
        var serializer = new RecordingSerializer();
        var palettes = new PalettesApiClient(_httpClient, new RefitSettings(serializer));

        var echoed = await palettes.EchoColors(new[] { Color.RED });

        Assert.Equal("[\"written by the caller's serializer\"]", _server.LastRequest.Body);
        Assert.Equal(new[] { typeof(IEnumerable<Color>) }, serializer.Written);
        Assert.Equal(new[] { typeof(List<Color>) }, serializer.Read);
        Assert.Empty(echoed);
    }

    [Fact]
    public async Task The_authorization_header_value_getter_gives_a_bearer_token_to_operations_that_take_one()
    {
        var calls = 0;
        var settings = new RefitSettings
        {
            AuthorizationHeaderValueGetter = (_, _) =>
            {
                Interlocked.Increment(ref calls);
                return new ValueTask<string>("token-1");
            },
        };
        var palettes = new PalettesApiClient(_httpClient, settings);

        await palettes.GetSecured();
        Assert.Equal("Bearer token-1", _server.LastRequest.Headers["Authorization"]);

        // An operation secured by an API key only takes no bearer token.
        await palettes.GetKeyed();
        Assert.False(_server.LastRequest.Headers.ContainsKey("Authorization"));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_callers_url_parameter_formatter_writes_path_and_query_values()
    {
        var formatter = new UpperCaseFormatter();
        var palettes = new PalettesApiClient(_httpClient, new RefitSettings { UrlParameterFormatter = formatter });

        await palettes.EchoPalette(NewPalette(), color: Color.LightGreen, level: Level.Value2);

        // A caller's formatter is given the open enum: a string enum prints its wire value, an integer one its name.
        Assert.Equal("?color=LIGHT%20GREEN&level=VALUE2", _server.LastRequest.RawQuery);
        Assert.Equal(new[] { typeof(Color), typeof(Level) }, formatter.Types);
    }

    private static Palette NewPalette() => new()
    {
        Main = Color.DarkBlue,
        Accent = Color.LightGreen,
        Level = Level.Value2,
        NextLevel = Level.Value10,
        Colors = new() { Color._2tone, Color.RED, Color.DarkBlue },
        Levels = new() { Level.Value1, Level.Value10 },
        ByRoom = new() { ["Living Room"] = Color.LightGreen },
        PaintedAt = new DateTime(2024, 12, 24, 9, 5, 0),
        DisplayName = "Hall",
        Note = "matte",
    };

    private IPalettesApi Create(string settings) => settings switch
    {
        "none" => new PalettesApiClient(_httpClient),
        "Refit defaults" => RestService.For<IPalettesApi>(_httpClient, new RefitSettings()),
        "ClicRdvJson" => new PalettesApiClient(_httpClient, ClicRdvJson.CreateRefitSettings(ApiJsonContext.Default)),
        _ => new PalettesApiClient(_httpClient, new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        }))),
    };

    /// <summary>A content serializer of the caller's own, which writes a marker and reads an empty list.</summary>
    private sealed class RecordingSerializer : IHttpContentSerializer
    {
        public List<Type> Written { get; } = new();

        public List<Type> Read { get; } = new();

        public HttpContent ToHttpContent<T>(T item)
        {
            Written.Add(typeof(T));
            return new StringContent("[\"written by the caller's serializer\"]", System.Text.Encoding.UTF8, "application/json");
        }

        public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
        {
            Read.Add(typeof(T));
            return Task.FromResult((T?)(object)new List<Color>());
        }

        public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => null;
    }

    private sealed class UpperCaseFormatter : IUrlParameterFormatter
    {
        public List<Type> Types { get; } = new();

        public string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type)
        {
            Types.Add(type);
            return Convert.ToString(value, CultureInfo.InvariantCulture)?.ToUpperInvariant();
        }
    }
}
