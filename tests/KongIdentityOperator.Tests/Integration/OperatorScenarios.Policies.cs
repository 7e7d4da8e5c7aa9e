using KongIdentityOperator.Entities;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Integration;

public abstract partial class OperatorScenarios
{
    [Fact]
    public async Task A_policy_moves_between_a_service_by_name_a_route_by_id_and_global_keeping_one_plugin()
    {
        await StartOperatorAsync();
        await ApplyTutorialAsync();
        await WaitForTutorialReadyAsync();
        var controlPlane = Konnect.Snapshot().FindControlPlane("quickstart")!;
        var service = controlPlane.Services.Single(s => s.Name == "example-service");
        var route = controlPlane.Routes.Single(r => r.Name == "example-route");

        await UpdateAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth", p => p.Spec.Target = new PolicyTarget { Service = new GatewayEntityRef { Name = "example-service" } });
        var onService = await WaitForReadyAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth");
        Assert.Equal(service.Id, onService.Status.TargetId);
        await Eventually.TrueAsync(() => Konnect.Snapshot().AllPlugins.SingleOrDefault()?.ServiceId == service.Id, "the plugin on example-service");

        await UpdateAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth", p => p.Spec.Target = new PolicyTarget { Route = new GatewayEntityRef { Id = route.Id } });
        await WaitForReadyAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth");
        await Eventually.TrueAsync(
            () => Konnect.Snapshot().AllPlugins.SingleOrDefault() is { RouteId: var r, ServiceId: null } && r == route.Id,
            "the plugin on example-route");

        await UpdateAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth", p => p.Spec.Target = null);
        await WaitForReadyAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth");
        await Eventually.TrueAsync(
            () => Konnect.Snapshot().AllPlugins.SingleOrDefault() is { RouteId: null, ServiceId: null },
            "the plugin global again");
        Assert.Equal(onService.Status.Id, Konnect.Snapshot().AllPlugins.Single().Id);
    }

    [Fact]
    public async Task A_missing_control_plane_or_service_stalls_with_a_message_that_names_it()
    {
        await StartOperatorAsync();
        await ApplyTutorialAsync();
        await WaitForTutorialReadyAsync();

        await UpdateAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth", p => p.Spec.Target = new PolicyTarget { Service = new GatewayEntityRef { Name = "no-such-service" } });
        var stalled = await WaitForConditionAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth", "Stalled", "True", "InvalidSpec");
        Assert.Contains("no-such-service", stalled.Status.Conditions.Single(c => c.Type == "Ready").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scope_rename_reaches_the_plugin_the_credentials_and_the_tokens()
    {
        await StartOperatorAsync();
        await ApplyTutorialAsync();
        await WaitForTutorialReadyAsync();

        await UpdateAsync<Scope>("my-scope", s => s.Spec.Name = "appointments:read");
        await Eventually.TrueAsync(
            () => Konnect.Snapshot().AllPlugins.Single().Config.GetProperty("oauth").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).SequenceEqual(["appointments:read"]),
            "the plugin to request the renamed scope");
        var credentials = await Eventually.MatchAsync(
            () => ReadSecretAsync("appointments-client-credentials"), c => c["scopes"] == "appointments:read", "the Secret to list the renamed scope");
        var (claims, error) = await TokenClient.RequestAsync(credentials, credentials["scopes"], cancellationToken: Ct);
        Assert.Null(error);
        Assert.Equal("appointments:read", claims!["scope"]!.GetValue<string>());
        Assert.Equal("test", claims["test-claim"]!.GetValue<string>());
    }
}
