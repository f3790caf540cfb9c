using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClicRdv.Sample;

/// <summary>
/// A stand-in for ClicRDV on 127.0.0.1 with a free port, answering the few calls the sample makes with the documented
/// shapes: the apikey in the query and Basic credentials, collections in their envelope, bare objects, dates without 'T'.
/// </summary>
internal sealed class DemoServer : IAsyncDisposable
{
    public const string ApiKey = "demo-apikey";
    public const string Email = "demo@example.com";
    public const string Password = "demo-password";

    private readonly WebApplication _app;

    private DemoServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<DemoServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var basic = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Email + ":" + Password));
            if (context.Request.Query["apikey"] != ApiKey || context.Request.Headers.Authorization != basic)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new { error = "invalid apikey or login" });
                return;
            }

            await next(context);
        });
        app.MapGet("/api/v1/groups", () => Results.Text(
            """{"records":[{"id":4,"name":"Salon Demo","open":true}],"totalRecords":1,"startIndex":0,"recordsReturned":1,"pageSize":25,"sort":null,"dir":null}""",
            "application/json"));
        app.MapGet("/api/v1/groups/{gid:int}/calendars", (int gid) => Results.Text(
            $$"""{"records":[{"id":11,"group_id":{{gid}},"name":"Alice","publicname":"Alice M.","deleted":false,"created_at":"2024-01-15 09:30:00","updated_at":"2024-02-01 18:00:00"},{"id":12,"group_id":{{gid}},"name":"Bob","deleted":false}],"totalRecords":2,"startIndex":0,"recordsReturned":2,"pageSize":25,"sort":null,"dir":null}""",
            "application/json"));
        app.MapGet("/api/v1/groups/{gid:int}/calendars/{id:int}", (int id) => Results.Text("""{"error":"not found"}""", "application/json", statusCode: 404));
        await app.StartAsync();
        return new DemoServer(app, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
