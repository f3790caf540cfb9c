using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ClicRdv.Benchmarks;

/// <summary>
/// The last handler of the per-call benchmarks: canned ClicRDV answers from memory, so that only client-side work is
/// measured (no network, no server). It also answers the session login, with a <c>_session_id</c> cookie.
/// </summary>
internal sealed class CannedHandler : HttpMessageHandler
{
    public static readonly byte[] Calendar = Encoding.UTF8.GetBytes(
        """{"id":11,"group_id":4,"calendarset_id":1,"name":"Alice","publicname":"Alice M.","address":"12 rue de la Paix","zipcode":"75002","city":"Paris","sort":1,"deleted":false,"created_at":"2024-01-15 09:30:00","updated_at":"2024-02-01 18:00:00"}""");

    public static readonly byte[] Collection = BuildCollection(25);

    private static readonly byte[] Login = Encoding.UTF8.GetBytes("""{"pro":{"id":9,"email":"demo@clicrdv.test","group_id":4},"error":null}""");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        HttpResponseMessage response;
        if (path.EndsWith("/sessions/login", StringComparison.Ordinal))
        {
            response = Json(HttpStatusCode.OK, Login);
            response.Headers.Add("Set-Cookie", "_session_id=0123456789abcdef0123456789abcdef; path=/; HttpOnly");
        }
        else if (request.Method == HttpMethod.Post)
        {
            response = Json(HttpStatusCode.Created, Calendar);
        }
        else
        {
            response = Json(HttpStatusCode.OK, path.EndsWith("/calendars", StringComparison.Ordinal) ? Collection : Calendar);
        }

        response.RequestMessage = request;
        return Task.FromResult(response);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpResponseMessage(status) { Content = content };
    }

    private static byte[] BuildCollection(int count)
    {
        var records = new StringBuilder();
        for (var index = 0; index < count; index++)
        {
            records.Append(index == 0 ? string.Empty : ",").Append(Encoding.UTF8.GetString(Calendar));
        }

        return Encoding.UTF8.GetBytes($$"""{"records":[{{records}}],"totalRecords":{{count}},"startIndex":0,"recordsReturned":{{count}},"pageSize":25,"sort":null,"dir":null}""");
    }
}
