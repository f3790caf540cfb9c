using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Media;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Refit;
using Xunit;

namespace ClicRdv.Generator.IntegrationTests;

/// <summary>
/// Multipart forms, form fields of bytes, binary answers and an answer offered in several media types, through the
/// client generated from media.openapi.json, against a real Kestrel server on 127.0.0.1 that reads the forms as
/// ASP.NET Core does (<see cref="IFormFile"/>s and fields) and answers each media type it is asked for.
/// </summary>
public sealed class MediaTypeTests : IAsyncLifetime
{
    private static readonly byte[] Picture = { 0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0x10 };

    private WebApplication _app = null!;
    private HttpClient _httpClient = null!;
    private IFormCollection? _form;
    private List<ReceivedFile> _files = new();
    private string? _formText;
    private string? _detailsContentType;
    private string? _accept;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(RespondAsync);
        await _app.StartAsync();
        _httpClient = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _httpClient.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_multipart_form_carries_each_file_with_its_name_and_type_and_each_field_by_its_wire_name()
    {
        var uploads = new UploadsApiClient(_httpClient);

        var receipt = await uploads.CreateUpload(
            new ByteArrayPart(Picture, "holiday.png"),
            "Holiday",
            attachments: new MultipartItem[] { new StreamPart(new MemoryStream(Encoding.UTF8.GetBytes("notes")), "notes.txt", "text/plain"), new ByteArrayPart(new byte[] { 1, 2 }, "raw.bin") },
            pageCount: 3,
            takenOn: new DateOnly(2024, 7, 14),
            tags: new[] { "beach", "sun" },
            thumbnail: new byte[] { 1, 2, 3 },
            kind: Kind.Scan,
            details: new Details { Camera = "X100", Iso = 200 });

        var form = _form!;
        Assert.Equal(
            new[]
            {
                new ReceivedFile("picture", "holiday.png", "image/png", Convert.ToBase64String(Picture)),
                new ReceivedFile("attachments", "notes.txt", "text/plain", Convert.ToBase64String(Encoding.UTF8.GetBytes("notes"))),
                new ReceivedFile("attachments", "raw.bin", "application/octet-stream", "AQI="),
            },
            _files);
        Assert.Equal("Holiday", form["title"]);
        Assert.Equal("3", form["page-count"]);
        Assert.Equal("2024-07-14", form["taken_on"]);
        Assert.Equal(new[] { "beach", "sun" }, form["tags"].ToArray());
        Assert.Equal("AQID", form["thumbnail"]);
        Assert.Equal("scan", form["kind"]);
        Assert.Equal("""{"camera":"X100","iso":200}""", form["details"]);
        Assert.Equal(new[] { "details", "kind", "page-count", "tags", "taken_on", "thumbnail", "title" }, form.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Holiday", receipt.Fields!["title"]);
    }

    [Fact]
    public async Task A_json_part_goes_out_with_the_content_type_of_its_encoding()
    {
        var uploads = new UploadsApiClient(_httpClient);

        await uploads.CreateUpload(new StreamPart(new MemoryStream(Picture), "scan.jpg", "image/jpeg"), "Scan", details: new Details { Camera = "Z" });

        Assert.Equal(new ReceivedFile("picture", "scan.jpg", "image/jpeg", Convert.ToBase64String(Picture)), Assert.Single(_files));
        Assert.Equal("application/vnd.details+json", _detailsContentType);
        Assert.Equal(new[] { "details", "title" }, _form!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Form_fields_of_bytes_go_out_as_base64_text_and_binary_ones_as_their_octets()
    {
        var uploads = new UploadsApiClient(_httpClient);

        await uploads.StoreAvatar(new StoreAvatarRequest { User = "ann", Avatar = new byte[] { 0xFB, 0xFF }, Signature = Encoding.UTF8.GetBytes("signé & sealed") });

        Assert.Equal("ann", _form!["user"]);
        Assert.Equal("+/8=", _form["avatar"]);
        Assert.Equal("signé & sealed", _form["signature"]);
        Assert.Equal("user=ann&avatar=%2B%2F8%3D&signature=sign%C3%A9+%26+sealed", _formText);
    }

    [Fact]
    public async Task A_binary_answer_is_a_stream_with_its_content_headers()
    {
        var uploads = new UploadsApiClient(_httpClient);

        await using var download = await uploads.DownloadUpload("holiday");

        Assert.Equal("application/octet-stream", _accept);
        Assert.Equal(200, download.StatusCode);
        Assert.Equal("image/png", download.ContentType);
        Assert.Equal("holiday.png", download.FileName);
        Assert.Equal(Picture.Length, download.ContentLength);
        Assert.Equal("\"v1\"", download.ResponseHeaders.ETag!.Tag);
        using var bytes = new MemoryStream();
        await download.Stream.CopyToAsync(bytes);
        Assert.Equal(Picture, bytes.ToArray());
    }

    [Fact]
    public async Task An_answer_offered_in_several_media_types_is_asked_for_in_each_with_json_by_default()
    {
        var reports = RestService.For<IReportsApi>(_httpClient);

        var rows = await reports.GetReport(2024);
        Assert.Equal("application/json", _accept);
        Assert.Equal(new[] { ("2024-01", 12.5), ("2024-02", 7.0) }, rows.Select(row => (row.Month, row.Total)));

        var csv = await reports.GetReportAsCsv(2024);
        Assert.Equal("text/csv", _accept);
        Assert.Equal("month,total\n2024-01,12.5\n2024-02,7\n", csv);

        await using var pdf = await reports.GetReportAsPdf(2024);
        Assert.Equal("application/pdf", _accept);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Null(pdf.FileName);
        Assert.Equal("%PDF-1.7", await new StreamReader(pdf.Stream).ReadToEndAsync());
    }

    private async Task RespondAsync(HttpContext context)
    {
        _accept = context.Request.Headers.Accept.ToString();
        switch (context.Request.Path.Value)
        {
            case "/uploads":
                context.Request.EnableBuffering();
                _form = await context.Request.ReadFormAsync();
                _files = new List<ReceivedFile>();
                foreach (var file in _form.Files)
                {
                    _files.Add(new ReceivedFile(file.Name, file.FileName, file.ContentType, Convert.ToBase64String(await ReadAsync(file))));
                }

                _detailsContentType = await DetailsContentTypeAsync(context);
                context.Response.StatusCode = StatusCodes.Status201Created;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"fields\":{\"title\":\"" + _form["title"] + "\"},\"files\":[]}");
                break;
            case "/avatars":
                context.Request.EnableBuffering();
                _form = await context.Request.ReadFormAsync();
                context.Request.Body.Position = 0;
                _formText = await new StreamReader(context.Request.Body).ReadToEndAsync();
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            case "/uploads/holiday":
                context.Response.ContentType = "image/png";
                context.Response.Headers.ContentDisposition = "attachment; filename=\"holiday.png\"";
                context.Response.Headers.ETag = "\"v1\"";
                context.Response.ContentLength = Picture.Length;
                await context.Response.Body.WriteAsync(Picture);
                break;
            case "/report" when _accept == "text/csv":
                context.Response.ContentType = "text/csv";
                await context.Response.WriteAsync("month,total\n2024-01,12.5\n2024-02,7\n");
                break;
            case "/report" when _accept == "application/pdf":
                context.Response.ContentType = "application/pdf";
                await context.Response.WriteAsync("%PDF-1.7");
                break;
            case "/report":
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""[{"month":"2024-01","total":12.5},{"month":"2024-02","total":7}]""");
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    /// <summary>The Content-Type of the "details" part, which ASP.NET Core's form reader does not keep for a field.</summary>
    private static async Task<string?> DetailsContentTypeAsync(HttpContext context)
    {
        context.Request.Body.Position = 0;
        var boundary = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(context.Request.ContentType).Boundary).Value!;
        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, context.Request.Body);
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            if (section.ContentDisposition?.Contains("name=details", StringComparison.Ordinal) == true || section.ContentDisposition?.Contains("name=\"details\"", StringComparison.Ordinal) == true)
            {
                return section.ContentType;
            }
        }

        return null;
    }

    /// <summary>A file as the server read it: its field, file name, content type and bytes (base64, to compare by value).</summary>
    private sealed record ReceivedFile(string Name, string FileName, string ContentType, string Base64);

    private static async Task<byte[]> ReadAsync(IFormFile file)
    {
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        return bytes.ToArray();
    }
}
