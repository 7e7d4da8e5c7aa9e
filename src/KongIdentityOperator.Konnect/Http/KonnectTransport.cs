using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.RateLimiting;
using Polly.Timeout;

namespace KongIdentityOperator.Konnect.Http;

/// <summary>
/// Sends one Konnect call for one connection: builds the URL from the server URL and route, sets the Bearer token on
/// the request (never on the shared client), serializes the body, and turns a non-2xx answer into a
/// <see cref="KonnectApiException"/> whose texts hold neither the token nor any secret of the request (a timeout of the
/// resilience pipeline too, so no caller depends on it).
/// </summary>
internal sealed class KonnectTransport(HttpClient http, KonnectConnection connection, KonnectClientOptions options, TimeProvider time, ConnectionGates? gates = null)
{
    private readonly string _baseUrl = connection.ServerUrl.AbsoluteUri.TrimEnd('/');
    private readonly KonnectRateLimitKey _rateLimitKey = KonnectRateLimitKey.For(connection);

    /// <summary>Sends and deserializes a 2xx answer.</summary>
    public async Task<TResult> SendAsync<TResult>(
        HttpMethod method, KonnectRoute route, QueryBuilder? query, RequestBody? body, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, route, query, body, allowNotFound: false, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, method, route, resultType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends and returns the status and raw body of a 2xx answer, for callers that need both.</summary>
    public async Task<(HttpStatusCode Status, byte[] Body)> SendForBytesAsync(
        HttpMethod method, KonnectRoute route, RequestBody? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, route, null, body, allowNotFound: false, cancellationToken).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Deserializes a body read by <see cref="SendForBytesAsync"/>.</summary>
    public static TResult Deserialize<TResult>(byte[] body, JsonTypeInfo<TResult> resultType, HttpMethod method, KonnectRoute route)
    {
        try
        {
            return JsonSerializer.Deserialize(body, resultType)
                ?? throw new InvalidDataException($"Konnect {method} {route.Template} answered without a body.");
        }
        catch (JsonException invalid)
        {
            throw Unreadable(method, route, invalid);
        }
    }

    /// <summary>GETs one object, or <see langword="null"/> on 404.</summary>
    public async Task<TResult?> GetOrNullAsync<TResult>(KonnectRoute route, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
        where TResult : class
    {
        using var response = await SendAsync(HttpMethod.Get, route, null, null, allowNotFound: true, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : await ReadAsync(response, HttpMethod.Get, route, resultType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>DELETEs; <see langword="false"/> on 404.</summary>
    public async Task<bool> DeleteAsync(KonnectRoute route, QueryBuilder? query, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, route, query, null, allowNotFound: true, cancellationToken).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>Sends and returns the 2xx (or, when allowed, 404) answer; throws <see cref="KonnectApiException"/> otherwise.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, KonnectRoute route, QueryBuilder? query, RequestBody? body, bool allowNotFound, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUrl + route.Path + query, UriKind.Absolute);
        if (Uri.Compare(uri, connection.ServerUrl, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            // Cannot happen with escaped route values; checked anyway because the token rides on this request.
            throw new InvalidOperationException($"Konnect {method} {route.Template} would leave the server the token belongs to; not sent.");
        }

        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connection.Token);
        request.Headers.Accept.ParseAdd("application/json, application/problem+json");
        request.Options.Set(KonnectRequestState.Key, new KonnectRequestState(route.Template, _rateLimitKey));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body.Utf8Json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json", "utf-8") } };
        }

        if (gates is not null && await gates.TryEnterAsync(_rateLimitKey, cancellationToken).ConfigureAwait(false) is { Entered: false } refused)
        {
            throw new KonnectConnectionBusyException(
                $"Konnect {method} {route.Template} not sent: {gates.Limit} calls to {_baseUrl} with this token are already in flight (the operator's limit per connection); the server is slow or not answering.")
            {
                RetryAfter = refused.RetryAfter,
            };
        }

        HttpResponseMessage response;
        try
        {
            // The body is read before this returns (ResponseContentRead), so the slot covers the whole call.
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException timeout)
        {
            throw KonnectApiException.TimedOut(method.Method, route.Template, timeout);
        }
        finally
        {
            gates?.Exit(_rateLimitKey);
        }

        if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
        {
            return response;
        }

        using (response)
        {
            throw await ToExceptionAsync(response, method, route, body, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<KonnectApiException> ToExceptionAsync(
        HttpResponseMessage response, HttpMethod method, KonnectRoute route, RequestBody? body, CancellationToken cancellationToken)
    {
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        IEnumerable<string> secrets = body is null ? [connection.Token] : [.. SecretFields.Collect(body.Utf8Json), connection.Token];
        return KonnectErrorParser.Parse(
            response.StatusCode,
            response.ReasonPhrase,
            content,
            method.Method,
            route.Template,
            Capped(RetryAfterHeader.ForResponse(response, now, options.DefaultRetryAfter)),
            new TextScrubber(secrets),
            now);
    }

    private TimeSpan? Capped(TimeSpan? wait) => wait is { } w && w > options.RetryAfterCap ? options.RetryAfterCap : wait;

    private static async Task<TResult> ReadAsync<TResult>(
        HttpResponseMessage response, HttpMethod method, KonnectRoute route, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(resultType, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"Konnect {method} {route.Template} answered {(int)response.StatusCode} without a body.");
        }
        catch (JsonException invalid)
        {
            throw Unreadable(method, route, invalid);
        }
    }

    // The message of a JsonException names paths and positions, never values, so it is safe to pass on.
    private static InvalidDataException Unreadable(HttpMethod method, KonnectRoute route, JsonException invalid) =>
        new($"Konnect {method} {route.Template} answered with a body this client cannot read: {invalid.Message}", invalid);
}
