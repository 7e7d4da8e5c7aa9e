using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Models;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Chaos.Security;

/// <summary>
/// Secrets are read only where the operator is told to look, and a reference never reaches into another namespace:
/// with <c>--namespaces</c>, every Secret request the operator makes names a watched namespace (no cluster-wide list);
/// a Secret of the referenced name in another namespace is never used, its token never sent to Konnect.
/// </summary>
public sealed class NamespaceIsolationTests
{
    private const string Watched = "team-a";
    private const string Elsewhere = "team-b";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Secrets_are_read_only_in_watched_namespaces_and_never_taken_from_another_namespace()
    {
        var token = "kpat_watched_" + RandomNumberGenerator.GetHexString(24, lowercase: true);
        var elsewhereToken = "kpat_elsewhere_" + RandomNumberGenerator.GetHexString(24, lowercase: true);
        var elsewhereSecret = "elsewhere-" + RandomNumberGenerator.GetHexString(32, lowercase: true);
        var ownSecret = "own-" + RandomNumberGenerator.GetHexString(32, lowercase: true);
        using var work = new WorkDirectory("namespace-isolation");
        await using var sandbox = await ChaosSandbox.StartAsync([token, elsewhereToken], work, Ct);
        await using var konnect = await HttpTap.StartAsync(sandbox.Konnect.BaseAddress, Ct);
        await sandbox.CreateNamespaceAsync(Watched, token, Ct);
        await sandbox.CreateNamespaceAsync(Elsewhere, elsewhereToken, Ct);
        await Writes.CreateAsync(sandbox.Client, Secret(Elsewhere, "byo", elsewhereSecret), Ct);
        await Writes.CreateAsync(sandbox.Client, Secret(Elsewhere, "shared-token", elsewhereToken, "token"), Ct);
        sandbox.Kube.ClearRequestLog();

        await using var process = await ChaosOperator.StartAsync(
            sandbox.Launch(work, "operator.log") with { KonnectServerUrl = konnect.BaseAddress, Namespaces = [Watched] }, Ct);
        await Writes.CreateAsync(sandbox.Client, new AuthServer { Metadata = new() { Name = "issuer", NamespaceProperty = Watched }, Spec = new() { Audience = "https://a.example.com", Konnect = new() { TokenSecretRef = new() { Name = "konnect-token" } } } }, Ct);
        await Writes.CreateAsync(sandbox.Client, new AuthServer { Metadata = new() { Name = "borrower", NamespaceProperty = Watched }, Spec = new() { Audience = "https://b.example.com", Konnect = new() { TokenSecretRef = new() { Name = "shared-token" } } } }, Ct);
        await Writes.CreateAsync(sandbox.Client, new Client { Metadata = new() { Name = "app", NamespaceProperty = Watched }, Spec = new() { AuthServerRef = new() { Name = "issuer" }, ClientSecretRef = new() { Name = "byo" } } }, Ct);

        await Wait.ForConditionAsync<AuthServer>(sandbox.Client, Watched, "borrower", "ResolvedRefs", "False", "WaitingForRef", Ct);
        await Wait.ForConditionAsync<Client>(sandbox.Client, Watched, "app", "ResolvedRefs", "False", "WaitingForRef", Ct);

        // The same name in the watched namespace is what the Client uses.
        await Writes.CreateAsync(sandbox.Client, Secret(Watched, "byo", ownSecret), Ct);
        var app = await Wait.ForReadyAsync<Client>(sandbox.Client, Watched, "app", Ct);
        var authServer = await sandbox.Client.GetAsync<AuthServer>("issuer", Watched, Ct);
        Assert.True(sandbox.Konnect.VerifyClientSecret(authServer!.Status.Id!, app.Status.Id!, ownSecret));
        Assert.False(sandbox.Konnect.VerifyClientSecret(authServer.Status.Id!, app.Status.Id!, elsewhereSecret));
        await Quiescence.WaitAsync(process, 3, Ct);

        var secretRequests = sandbox.Kube.RequestLog.Where(r => r.Resource == "secrets" && !SuiteUserAgent.IsSuite(r.UserAgent)).ToList();
        Assert.NotEmpty(secretRequests);
        Assert.All(secretRequests, r => Assert.Equal(Watched, r.Namespace));
        Assert.DoesNotContain(konnect.Calls, c => c.Token == TokenFingerprint.Of(elsewhereToken));
        var borrower = await sandbox.Client.GetAsync<AuthServer>("borrower", Watched, Ct);
        Assert.Null(borrower!.Status.Id);
    }

    private static V1Secret Secret(string @namespace, string name, string value, string key = "client_secret") => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace, Labels = new Dictionary<string, string> { [ChaosSandbox.ReferenceableLabel] = "true" } },
        Data = new Dictionary<string, byte[]> { [key] = Encoding.UTF8.GetBytes(value) },
    };
}
