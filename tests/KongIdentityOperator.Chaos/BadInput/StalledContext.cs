using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KongIdentityOperator.Chaos.Harness;

namespace KongIdentityOperator.Chaos.BadInput;

/// <summary>
/// One stalled case's world: its namespace (with a Konnect token Secret <c>konnect-token</c> holding a token of its
/// own, so that the Konnect tap can attribute every call), a second namespace for cross-namespace cases, and helpers
/// to declare objects and reach Konnect directly (behind the operator's back, not through the tap).
/// </summary>
internal sealed class StalledContext
{
    private readonly ChaosSandbox _sandbox;
    private readonly HttpClient _kube;
    private readonly CancellationToken _cancellationToken;

    internal StalledContext(ChaosSandbox sandbox, HttpClient kube, string @namespace, string token, string otherToken, CancellationToken cancellationToken)
    {
        _sandbox = sandbox;
        _kube = kube;
        Namespace = @namespace;
        Token = token;
        OtherToken = otherToken;
        AttributionToken = token;
        _cancellationToken = cancellationToken;
    }

    public string Namespace { get; }

    /// <summary>A namespace beside <see cref="Namespace"/>, with a token Secret holding <see cref="OtherToken"/>.</summary>
    public string OtherNamespace => Namespace + "-other";

    public string Token { get; }

    public string OtherToken { get; }

    /// <summary>The token whose calls are the bad object's (default: the namespace's).</summary>
    public string AttributionToken { get; set; }

    /// <summary>Values a case keeps between Arrange and Verify.</summary>
    public Dictionary<string, string> Notes { get; } = new(StringComparer.Ordinal);

    internal ChaosSandbox Sandbox => _sandbox;

    /// <summary>Creates a manifest in <paramref name="namespace"/> (default: the case's); fails if the API server refuses it.</summary>
    public async Task CreateAsync(string yaml, string? @namespace = null)
    {
        var ns = @namespace ?? Namespace;
        var plural = Manifest.PluralOf(yaml);
        using var content = new StringContent(Manifest.ToJson(yaml, ns), Encoding.UTF8, "application/json");
        using var response = await _kube.PostAsync(new Uri($"apis/identity.konghq.com/v1alpha1/namespaces/{ns}/{plural}", UriKind.Relative), content, _cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{Manifest.KindOf(yaml)} refused: {await response.Content.ReadAsStringAsync(_cancellationToken)}");
    }

    public Task SecretAsync(string name, IReadOnlyDictionary<string, string> data, string? @namespace = null) =>
        Writes.CreateAsync(_sandbox.Client, new k8s.Models.V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new k8s.Models.V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = @namespace ?? Namespace,
                Labels = new Dictionary<string, string> { ["owner"] = "someone-else", ["identity.konghq.com/referenceable"] = "true" },
                Annotations = new Dictionary<string, string> { ["note"] = "created by hand" },
            },
            Data = data.ToDictionary(d => d.Key, d => Encoding.UTF8.GetBytes(d.Value)),
        }, _cancellationToken);

    /// <summary>The stored object as JSON text (for byte-for-byte comparisons); null when absent.</summary>
    public async Task<string?> ReadAsync(string path)
    {
        using var response = await _kube.GetAsync(new Uri(path, UriKind.Relative), _cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadAsStringAsync(_cancellationToken);
    }

    /// <summary>An AuthServer using the namespace's token, waited for until Ready; returns its Konnect id.</summary>
    public async Task<string> ReadyAuthServerAsync(string name = "issuer", string? @namespace = null)
    {
        var ns = @namespace ?? Namespace;
        await CreateAsync(Manifest.Of("AuthServer", name, $"{{audience: \"https://{name}.example.com\", konnect: {{tokenSecretRef: {{name: konnect-token}}}}}}"), ns);
        var ready = await Wait.ForReadyAsync<Entities.AuthServer>(_sandbox.Client, ns, name, _cancellationToken);
        return ready.Status.Id!;
    }

    public async Task ReadyAsync(string plural, string yaml, string name)
    {
        await CreateAsync(yaml);
        switch (plural)
        {
            case "scopes":
                await Wait.ForReadyAsync<Entities.Scope>(_sandbox.Client, Namespace, name, _cancellationToken);
                break;
            case "clients":
                await Wait.ForReadyAsync<Entities.Client>(_sandbox.Client, Namespace, name, _cancellationToken);
                break;
            default:
                throw new ArgumentException(plural, nameof(plural));
        }
    }

    /// <summary>Calls the emulator directly with <paramref name="token"/>, as a person in the Konnect UI would.</summary>
    public async Task<JsonObject> KonnectAsync(HttpMethod method, string path, object? body, string token)
    {
        using var http = new HttpClient { BaseAddress = _sandbox.Konnect.BaseAddress };
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request, _cancellationToken);
        var text = await response.Content.ReadAsStringAsync(_cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
