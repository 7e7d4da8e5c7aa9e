using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Conditions;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Integration;

public abstract partial class OperatorScenarios
{
    [Fact]
    public async Task A_name_taken_in_Konnect_stalls_with_Konnects_detail_until_adopted()
    {
        using var direct = new KonnectDirect(Konnect.BaseAddress);
        var existing = await direct.SendAsync(HttpMethod.Post, "/v1/auth-servers", new { name = "Appointments Dev", audience = "http://other" });
        await StartOperatorAsync();
        await ApplySampleAsync<AuthServer>("authserver.yaml");

        var stalled = await WaitForConditionAsync<AuthServer>("appointments-dev", "Stalled", "True", "NameConflict");
        var message = stalled.Status.Conditions.Get("Ready")!.Message;
        Assert.Contains("already exists", message, StringComparison.Ordinal);
        Assert.Contains(existing["id"]!.GetValue<string>(), message, StringComparison.Ordinal);
        Assert.DoesNotContain("kong:trace", message, StringComparison.Ordinal);
        Assert.Single(Konnect.Snapshot().AuthServers);

        await UpdateAsync<AuthServer>("appointments-dev", a => a.Spec.Adopt = new AdoptSpec { Id = existing["id"]!.GetValue<string>() });
        var adopted = await WaitForReadyAsync<AuthServer>("appointments-dev");
        Assert.Equal(existing["id"]!.GetValue<string>(), adopted.Status.Id);
        var remote = Assert.Single(Konnect.Snapshot().AuthServers);
        Assert.Equal("http://myhttpbin.dev", remote.Audience);
    }

    [Fact]
    public async Task An_invalid_token_says_so_in_a_condition_and_costs_a_bounded_number_of_calls()
    {
        Ns = await Env.CreateNamespaceAsync(Ct, token: "kpat_revoked");
        await StartOperatorAsync();
        await ApplySampleAsync<AuthServer>("authserver.yaml");

        var stalled = await WaitForConditionAsync<AuthServer>("appointments-dev", "Stalled", "True", "Unauthorized");
        Assert.Contains("token", stalled.Status.Conditions.Get("Stalled")!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("kpat_revoked", stalled.Status.Conditions.Get("Stalled")!.Message, StringComparison.Ordinal);

        var before = Konnect.Requests.CountStatus(401);
        await Task.Delay(TimeSpan.FromSeconds(5), Ct);
        Assert.True(Konnect.Requests.CountStatus(401) - before <= 1, $"{Konnect.Requests.CountStatus(401) - before} calls in 5 s after stalling");
        Assert.True(Konnect.Requests.CountStatus(401) <= 3, $"{Konnect.Requests.CountStatus(401)} calls with the bad token in total");
    }
}
