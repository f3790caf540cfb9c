using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ClicRdv.Testing;

/// <summary>A handler that keeps a copy of every answer that passes through it, in <paramref name="answers"/>.</summary>
public sealed class AnswerRecorder(ConcurrentQueue<HttpAnswer> answers) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        answers.Enqueue(await HttpAnswer.ReadAsync(response, cancellationToken));
        return response;
    }
}
