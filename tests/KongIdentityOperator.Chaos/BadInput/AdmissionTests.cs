using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using KongIdentityOperator.Chaos.Harness;

namespace KongIdentityOperator.Chaos.BadInput;

/// <summary>
/// Every manifest of <see cref="AdmissionCases"/> is refused by the API server (schema and CEL rules of the generated
/// CRDs) with a message that names the field and says why, and nothing is stored or changed.
/// </summary>
public sealed class AdmissionTests(AdmissionTests.Server server) : IClassFixture<AdmissionTests.Server>
{
    public static TheoryData<string> Cases { get; } = [.. AdmissionCases.All.Select(c => c.Name)];

    [Fact]
    public void The_table_holds_at_least_40_invalid_manifests_with_distinct_names()
    {
        Assert.True(AdmissionCases.All.Count + StalledCases.All.Count >= 40);
        Assert.Equal(AdmissionCases.All.Count, AdmissionCases.All.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_refused_at_admission_naming_the_field_and_the_reason(string name)
    {
        var @case = AdmissionCases.All.Single(c => c.Name == name);
        var ns = await server.NamespaceAsync();
        var collection = $"apis/identity.konghq.com/v1alpha1/namespaces/{ns}/{@case.Plural}";
        var body = Manifest.ToJson(@case.Yaml, ns);

        HttpStatusCode status;
        string answer;
        string? before = null;
        if (@case.Patch is null)
        {
            (status, answer) = await server.SendAsync(HttpMethod.Post, collection + (@case.StrictFields ? "?fieldValidation=Strict" : string.Empty), body, "application/json");
        }
        else
        {
            var (created, createdBody) = await server.SendAsync(HttpMethod.Post, collection, body, "application/json");
            Assert.True(created == HttpStatusCode.Created, $"the valid original was refused: {createdBody}");
            before = Spec(createdBody);
            (status, answer) = await server.SendAsync(HttpMethod.Patch, $"{collection}/bad", @case.Patch, "application/merge-patch+json");
        }

        var expected = @case.StrictFields ? HttpStatusCode.BadRequest : HttpStatusCode.UnprocessableEntity;
        Assert.True(status == expected, $"expected {(int)expected}, got {(int)status}: {answer}");
        var message = JsonNode.Parse(answer)!["message"]!.GetValue<string>();
        Assert.Contains(@case.Field, message, StringComparison.Ordinal);
        Assert.Contains(@case.Reason, message, StringComparison.Ordinal);

        var (readStatus, stored) = await server.SendAsync(HttpMethod.Get, $"{collection}/bad", null, null);
        if (before is null)
        {
            Assert.Equal(HttpStatusCode.NotFound, readStatus);
        }
        else
        {
            Assert.Equal(before, Spec(stored));
        }
    }

    private static string Spec(string objectJson) => JsonNode.Parse(objectJson)!["spec"]!.ToJsonString();

    /// <summary>One API server (no operator is needed: nothing may get past admission) shared by the rows.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private readonly WorkDirectory _work = new("admission-" + Guid.NewGuid().ToString("N")[..8]);
        private readonly HttpClient _http = new();
        private ChaosSandbox _sandbox = null!;
        private int _namespaces;

        public async ValueTask InitializeAsync()
        {
            _sandbox = await ChaosSandbox.StartAsync(["kpat_admission_unused"], _work, TestContext.Current.CancellationToken);
            _http.BaseAddress = _sandbox.Kube.BaseAddress;
        }

        public async Task<string> NamespaceAsync()
        {
            var name = $"admission-{Interlocked.Increment(ref _namespaces)}";
            await _sandbox.Kubernetes.CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace { Metadata = new k8s.Models.V1ObjectMeta { Name = name } });
            return name;
        }

        public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, string? body, string? contentType)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, contentType!);
                request.Content.Headers.ContentType!.CharSet = null;
            }

            using var response = await _http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await _sandbox.DisposeAsync();
            _work.Dispose();
        }
    }
}
