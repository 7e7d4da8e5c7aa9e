using System.Net;
using System.Net.Http.Headers;
using k8s.Autorest;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// Sends requests over a <see cref="KubernetesConnection"/> (HTTP client, credentials), and turns an
/// unsuccessful answer into the <see cref="HttpOperationException"/> the library would throw. The runtime's client
/// speaks HTTP itself so that its JSON is read and written with source-generated type information (Native AOT).
/// </summary>
internal sealed class KubernetesHttp(KubernetesConnection connection, ApiServerContact? contact)
{
    private static readonly MediaTypeHeaderValue Json = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    /// <summary>The library's bound on one request (watches are exempt).</summary>
    public TimeSpan RequestTimeout => connection.RequestTimeout;

    public static HttpContent JsonContent(byte[] body) => new ByteArrayContent(body) { Headers = { ContentType = Json } };

    public static HttpContent PatchContent(k8s.Models.V1Patch patch)
    {
        var body = patch.Content as string
            ?? throw new NotSupportedException("Only a patch given as a JSON string is supported.");
        var mediaType = patch.Type switch
        {
            k8s.Models.V1Patch.PatchType.JsonPatch => "application/json-patch+json",
            k8s.Models.V1Patch.PatchType.MergePatch => "application/merge-patch+json",
            k8s.Models.V1Patch.PatchType.StrategicMergePatch => "application/strategic-merge-patch+json",
            k8s.Models.V1Patch.PatchType.ApplyPatch => "application/apply-patch+yaml",
            _ => throw new NotSupportedException($"Patch type {patch.Type} is not supported."),
        };
        return new StringContent(body, System.Text.Encoding.UTF8, mediaType);
    }

    /// <summary>Sends a request; the caller disposes the response. Fails with <see cref="HttpOperationException"/> unless 2xx.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativePath, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(connection.BaseUri, relativePath))
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (!string.IsNullOrWhiteSpace(connection.TlsServerName))
        {
            request.Headers.Host = connection.TlsServerName;
        }

        if (connection.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var response = await connection.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        contact?.Answered();
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);

            // The body stays out of the message: an API server's answer may quote the object that was sent.
            throw new HttpOperationException($"Operation returned an invalid status code '{response.StatusCode}'")
            {
                Request = new HttpRequestMessageWrapper(request, null),
                Response = new HttpResponseMessageWrapper(response, body),
            };
        }
    }
}
