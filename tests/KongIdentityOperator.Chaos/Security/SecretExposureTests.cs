using System.Net;
using System.Security.Cryptography;
using k8s;
using k8s.Models;
using KongIdentityOperator.Chaos.Chaos;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Chaos.Security;

/// <summary>
/// What the operator shows the world — its HTTP endpoints, its Debug log, Events, statuses — never holds a Konnect
/// token (here the default token given as a command-line flag) or a client secret, including a rotated one; and the
/// HTTP server serves nothing besides /healthz, /readyz and /metrics.
/// </summary>
public sealed class SecretExposureTests
{
    private static readonly string[] OtherPaths =
        ["", "debug/pprof/", "env", "config", "configz", "metrics/secrets", "swagger/index.html", "api/v1/secrets", ".well-known/openid-configuration", "healthz/../env"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Endpoints_logs_events_and_statuses_hold_no_token_and_no_client_secret()
    {
        var token = "spat_default_" + RandomNumberGenerator.GetHexString(32, lowercase: true);
        using var work = new WorkDirectory("secret-exposure");
        await using var sandbox = await ChaosSandbox.StartAsync([token], work, Ct);
        await using var history = SecretHistory.Start(sandbox.Client);
        const string ns = "exposed";
        await Writes.RetryAsync(() => sandbox.Kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: Ct), Ct);
        await using var process = await ChaosOperator.StartAsync(
            sandbox.Launch(work, "operator.log") with { ExtraArguments = ["--konnect-token", token, "--default-token-namespaces", ns] }, Ct);

        // The tutorial, on the operator's default token (no tokenSecretRef), plus a second Client.
        await Writes.CreateAsync(sandbox.Client, new AuthServer { Metadata = new() { Name = "issuer", NamespaceProperty = ns }, Spec = new() { Audience = "https://api.example.com" } }, Ct);
        await Writes.CreateAsync(sandbox.Client, new Scope { Metadata = new() { Name = "read", NamespaceProperty = ns }, Spec = new() { AuthServerRef = new() { Name = "issuer" } } }, Ct);
        foreach (var name in new[] { "app", "batch" })
        {
            await Writes.CreateAsync(sandbox.Client, new Client { Metadata = new() { Name = name, NamespaceProperty = ns }, Spec = new() { AuthServerRef = new() { Name = "issuer" }, AllowScopes = [new() { Name = "read" }] } }, Ct);
        }

        await Writes.CreateAsync(sandbox.Client, new UpstreamOAuthPolicy { Metadata = new() { Name = "gateway", NamespaceProperty = ns }, Spec = new() { ControlPlaneRef = new() { Name = "quickstart" }, ClientRef = new() { Name = "app" }, Scopes = [new() { Name = "read" }] } }, Ct);
        var before = await Wait.ForReadyAsync<UpstreamOAuthPolicy>(sandbox.Client, ns, "gateway", Ct);

        // A rotation, so that a retired secret is looked for too.
        await Writes.UpdateAsync<Client>(sandbox.Client, "app", ns, c => (c.Metadata.Annotations ??= new Dictionary<string, string>())["identity.konghq.com/rotate-secret"] = "now", Ct);
        await Poll.UntilAsync(
            async () => (await sandbox.Client.GetAsync<UpstreamOAuthPolicy>("gateway", ns, Ct))!.Status.ClientSecretVersion != before.Status.ClientSecretVersion,
            "the policy to follow the rotation",
            Wait.Timeout,
            Ct);
        await Quiescence.WaitAsync(process, 5, Ct);

        var scanner = new LeakScanner().Watch("the default Konnect token", token);
        foreach (var path in new[] { "metrics", "healthz", "readyz" })
        {
            var answer = await process.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, answer?.Status);
            scanner.Scan("/" + path, answer!.Value.Body);
        }

        foreach (var path in OtherPaths)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await process.GetAsync(path, Ct))?.Status);
        }

        await process.KillAsync();
        var secrets = history.AllValues;
        Assert.True(secrets.Count >= 3, $"two Clients and one rotation make at least 3 client secrets; saw {secrets.Count}");
        foreach (var secret in secrets)
        {
            scanner.Watch("a client secret", secret);
        }

        await ClusterText.ScanAsync(sandbox, scanner, Ct);
        scanner.ScanFile(process.LogFile);
        Assert.Contains(" dbug: ", await File.ReadAllTextAsync(process.LogFile, Ct), StringComparison.Ordinal);
        Assert.Empty(scanner.Findings);
    }
}
