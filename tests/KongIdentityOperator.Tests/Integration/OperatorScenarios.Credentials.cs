using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Tests.Integration.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Tests.Integration;

public abstract partial class OperatorScenarios
{
    [Fact]
    public async Task Stopped_between_the_Secret_write_and_the_PUT_the_restarted_operator_makes_exactly_one_client()
    {
        // The fault sits in the operator's HTTP client, so this first operator runs in-process even under OPERATOR_BINARY.
        var crash = new BlockingHandler(r => r.Method == HttpMethod.Put && r.RequestUri!.AbsolutePath.Contains("/clients/", StringComparison.Ordinal));
        var first = await StartOperatorAsync(configure: services =>
            services.AddHttpClient(KonnectServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => crash));
        await ApplyTutorialAsync(SampleOrder.Take(4));
        await crash.Reached.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        var written = await ReadSecretAsync("appointments-client-credentials");
        await KillOperatorAsync(first);
        Assert.Empty(Konnect.Snapshot().AllClients);

        await StartOperatorAsync();
        await WaitForReadyAsync<Client>("appointments-client");
        var credentials = await ReadSecretAsync("appointments-client-credentials");
        Assert.Equal(written["client_secret"], credentials["client_secret"]);
        var client = Assert.Single(Konnect.Snapshot().AllClients);
        Assert.Equal(credentials["client_id"], client.Id);
        var (claims, error) = await TokenClient.RequestAsync(credentials, "my-scope", cancellationToken: Ct);
        Assert.Null(error);
        Assert.Equal("test", claims!["test-claim"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deleted_credentials_Secret_is_healed_with_a_new_secret_and_the_policy_follows()
    {
        await StartOperatorAsync();
        await ApplyTutorialAsync();
        await WaitForTutorialReadyAsync();
        var old = await ReadSecretAsync("appointments-client-credentials");

        await DeleteAsync<V1Secret>("appointments-client-credentials");
        var healed = await Eventually.MatchAsync(
            async () => await GetAsync<V1Secret>("appointments-client-credentials") is null ? null : await ReadSecretAsync("appointments-client-credentials"),
            s => s is not null && s["client_secret"] != old["client_secret"],
            "a new credentials Secret");
        await ExpectCredentialsInUseAsync(healed!, old);
    }

    [Fact]
    public async Task Rotation_by_annotation_issues_a_new_secret_and_the_policy_follows()
    {
        await StartOperatorAsync();
        await ApplyTutorialAsync();
        await WaitForTutorialReadyAsync();
        var old = await ReadSecretAsync("appointments-client-credentials");

        await UpdateAsync<Client>("appointments-client", c => (c.Metadata.Annotations ??= new Dictionary<string, string>())["identity.konghq.com/rotate-secret"] = "2026-11-28");
        var rotated = await Eventually.MatchAsync(
            () => ReadSecretAsync("appointments-client-credentials"),
            s => s["client_secret"] != old["client_secret"],
            "a rotated client secret");
        await ExpectCredentialsInUseAsync(rotated, old);
        var client = await Eventually.MatchAsync(
            () => GetAsync<Client>("appointments-client"), c => c!.Status.RotationRequest == "2026-11-28", "status.rotationRequest");
        Assert.Equal(rotated["client_id"], client!.Status.Id);
    }

    /// <summary>
    /// The new credentials authenticate, the old ones too (the default grace period of 10 minutes keeps them valid for
    /// whoever still holds them), Konnect holds exactly those two, and the plugin carries the new secret.
    /// </summary>
    private async Task ExpectCredentialsInUseAsync(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> old)
    {
        await Eventually.TrueAsync(async () => (await TokenClient.RequestAsync(current, "my-scope", cancellationToken: Ct)).Error is null, "a token with the new credentials");
        var (_, stillValid) = await TokenClient.RequestAsync(old, "my-scope", cancellationToken: Ct);
        Assert.Null(stillValid);
        var client = await Eventually.MatchAsync(
            () => GetAsync<Client>("appointments-client"), c => c!.Status.PreviousSecretId is not null, "status.previousSecretID");
        Assert.InRange(client!.Status.PreviousSecretExpiresAt!.Value, DateTime.UtcNow.AddMinutes(9), DateTime.UtcNow.AddMinutes(10));
        Assert.Equal(2, Konnect.Snapshot().AllClients.Single().Secrets.Count);
        await Eventually.TrueAsync(
            () => Konnect.Snapshot().AllPlugins.Single().Config.GetProperty("oauth").GetProperty("client_secret").GetString() == current["client_secret"],
            "the upstream-oauth plugin to carry the new secret");
        Assert.Single(Konnect.Snapshot().AllClients);
    }
}
