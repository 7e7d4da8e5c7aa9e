using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace KongIdentityOperator.Konnect.Tests.Support;

/// <summary>
/// The network stand-in of the unit tests: records every request and answers from a script. With no script it
/// answers 200 with <c>{}</c>.
/// </summary>
public sealed class StubHttpHandler(TimeProvider time) : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> _responder = (_, _) => Task.FromResult(Json(HttpStatusCode.OK, "{}"));

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public int Count => _requests.Count;

    public RecordedRequest Last => Requests[^1];

    /// <summary>Answers every request with <paramref name="responder"/>.</summary>
    public void Respond(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> responder) => _responder = responder;

    /// <summary>Answers every request with <paramref name="responder"/>.</summary>
    public void Respond(Func<RecordedRequest, HttpResponseMessage> responder) => _responder = (request, _) => Task.FromResult(responder(request));

    /// <summary>Answers the n-th request with the n-th factory; the last one repeats.</summary>
    public void RespondInOrder(params Func<HttpResponseMessage>[] answers)
    {
        var next = -1;
        Respond(_ => answers[Math.Min(Interlocked.Increment(ref next), answers.Length - 1)]());
    }

    /// <summary>Never answers: the request hangs until it is cancelled (e.g. by a timeout).</summary>
    public void Hang() => _responder = async (_, cancellationToken) =>
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    };

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };

    public static HttpResponseMessage Problem(HttpStatusCode status, string json) => Json(status, json, "application/problem+json");

    public static HttpResponseMessage Empty(HttpStatusCode status) => new(status);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization,
            body,
            request.Content?.Headers.ContentType?.MediaType,
            time.GetUtcNow());
        _requests.Enqueue(recorded);
        var response = await _responder(recorded, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}
