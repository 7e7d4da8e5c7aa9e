using System.Net;
using System.Security.Cryptography;
using k8s.Models;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Chaos.Security;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Chaos.Adversarial;

/// <summary>
/// A user allowed to create Clients but not to read Secrets tries to use the operator to move a Secret's value
/// somewhere they can see it, or to overwrite a Secret.
/// </summary>
[Collection(AdversarialCollection.Name)]
public sealed class SecretAttacks(AdversarialWorld world)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_secret_ref_to_a_secret_nobody_offered_reaches_neither_konnect_nor_the_cluster_nor_the_logs()
    {
        var attacker = await world.AttackerAsync("unoffered-secret");
        var password = "db-password-" + RandomNumberGenerator.GetHexString(32, lowercase: true);
        await world.SecretAsync(attacker.Namespace, "database", "password", password, offered: false);
        await world.OwnAuthServerAsync(attacker.Namespace);
        await world.CreateAsync(new Client
        {
            Metadata = new() { Name = "smuggler", NamespaceProperty = attacker.Namespace },
            Spec = new() { AuthServerRef = new() { Name = "own" }, ClientSecretRef = new() { Name = "database", Key = "password" } },
        });

        var message = await world.RefusedAsync<Client>(attacker.Namespace, "smuggler", "WaitingForRef", stalled: false);

        Assert.Contains("identity.konghq.com/referenceable", message, StringComparison.Ordinal);
        var snapshot = world.Sandbox.Konnect.Snapshot();
        Assert.All(
            snapshot.AuthServers.SelectMany(a => a.Clients.Select(c => (a.Id, c.Id))),
            pair => Assert.False(world.Sandbox.Konnect.VerifyClientSecret(pair.Item1, pair.Item2, password)));
        Assert.Null(await world.Sandbox.Client.GetAsync<V1Secret>("smuggler-credentials", attacker.Namespace, Ct));

        var scanner = new LeakScanner().Watch("the unoffered password", password);
        await ClusterText.ScanAsync(world.Sandbox, scanner, Ct);
        foreach (var secret in await world.Sandbox.Client.ListAsync<V1Secret>(cancellationToken: Ct))
        {
            if (!(secret.Metadata.NamespaceProperty == attacker.Namespace && secret.Metadata.Name == "database"))
            {
                scanner.Scan($"Secret {secret.Metadata.NamespaceProperty}/{secret.Metadata.Name}", k8s.KubernetesJson.Serialize(secret));
            }
        }

        scanner.ScanFile(world.Work.File("operator.log"));
        Assert.Empty(scanner.Findings);
    }

    [Fact]
    public async Task A_client_cannot_write_its_credentials_over_another_secret()
    {
        var attacker = await world.AttackerAsync("overwrite");
        await world.OwnAuthServerAsync(attacker.Namespace);
        var before = await world.Sandbox.Client.GetAsync<V1Secret>(ChaosSandbox.TokenSecretName, attacker.Namespace, Ct);
        await world.CreateAsync(new Client
        {
            Metadata = new() { Name = "squatter", NamespaceProperty = attacker.Namespace },
            Spec = new() { AuthServerRef = new() { Name = "own" }, Secret = new() { Name = ChaosSandbox.TokenSecretName } },
        });

        await world.RefusedAsync<Client>(attacker.Namespace, "squatter", "SecretConflict");

        var after = await world.Sandbox.Client.GetAsync<V1Secret>(ChaosSandbox.TokenSecretName, attacker.Namespace, Ct);
        Assert.Equal(before!.Data["token"], after!.Data["token"]);
        Assert.Equal(before.Metadata.Labels, after.Metadata.Labels);
        Assert.Null(after.Metadata.OwnerReferences);
    }

    [Theory]
    [InlineData("labels", "identity.konghq.com/referenceable", "true")]
    [InlineData("annotations", "identity.konghq.com/secret-version", "forged")]
    public async Task A_client_cannot_stamp_the_operators_marks_on_its_credentials_secret(string field, string key, string value)
    {
        var attacker = await world.AttackerAsync("stamp");
        var yaml = BadInput.Manifest.Of("Client", "stamper", $"{{authServerRef: {{name: own}}, secret: {{{field}: {{'{key}': '{value}'}}}}}}");

        var (status, message) = await world.PostAsync(yaml, attacker.Namespace);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains($"spec.secret.{field}", message, StringComparison.Ordinal);
        Assert.Contains("identity.konghq.com/ are the operator's own", message, StringComparison.Ordinal);
    }
}
