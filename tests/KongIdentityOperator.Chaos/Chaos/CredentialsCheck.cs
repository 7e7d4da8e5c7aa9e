using System.Text;
using k8s.Models;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Sandbox.Konnect;

namespace KongIdentityOperator.Chaos.Chaos;

/// <summary>
/// Checks one Client end to end the way a workload would: its Secret holds the secret Konnect has registered, and a
/// token requested with the Secret's scopes carries exactly those scopes, the tenant claim, the role claim exactly
/// when scope write is granted, the audience and the configured lifetime.
/// </summary>
internal static class CredentialsCheck
{
    /// <returns>What is wrong (nothing when the Client works), and whether its secret is lost.</returns>
    public static async Task<CredentialsVerdict> RunAsync(
        ClientPlan plan, TenantPlan tenant, V1Secret? secret, string? authServerId, KonnectEmulator konnect, CancellationToken cancellationToken)
    {
        var who = $"Client {plan.Namespace}/{plan.Name}";
        if (secret?.Data is null)
        {
            return new CredentialsVerdict(true, [$"{who}: no credentials Secret"]);
        }

        var data = secret.Data.ToDictionary(d => d.Key, d => Encoding.UTF8.GetString(d.Value), StringComparer.Ordinal);
        var problems = new List<string>();
        var lost = authServerId is null || !konnect.VerifyClientSecret(authServerId, data["client_id"], data["client_secret"]);
        if (lost)
        {
            problems.Add($"{who}: the secret in the Secret is not the one Konnect has registered");
        }

        var granted = data["scopes"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
        if (!granted.SequenceEqual(plan.Scopes.Order(StringComparer.Ordinal)))
        {
            problems.Add($"{who}: Secret lists scopes [{string.Join(' ', granted)}], expected [{string.Join(' ', plan.Scopes)}]");
        }

        var (claims, error) = await TokenClient.RequestAsync(data, string.Join(' ', plan.Scopes), cancellationToken);
        if (claims is null)
        {
            problems.Add($"{who}: token refused: {error}");
            return new CredentialsVerdict(lost, problems);
        }

        var scopes = (claims["scope"]?.GetValue<string>() ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        if (!scopes.SequenceEqual(plan.Scopes.Order(StringComparer.Ordinal)))
        {
            problems.Add($"{who}: token scope '{claims["scope"]}', expected '{string.Join(' ', plan.Scopes)}'");
        }

        if (claims[ChaosTopology.TenantClaim]?.GetValue<string>() != tenant.TenantClaimValue)
        {
            problems.Add($"{who}: claim {ChaosTopology.TenantClaim} is '{claims[ChaosTopology.TenantClaim]}', expected '{tenant.TenantClaimValue}'");
        }

        var wantsRole = plan.Scopes.Contains(ChaosTopology.WriteScope);
        var role = claims[ChaosTopology.RoleClaim]?.GetValue<string>();
        if (wantsRole ? role != ChaosTopology.RoleValue : role is not null)
        {
            problems.Add($"{who}: claim {ChaosTopology.RoleClaim} is '{role}' with scopes [{string.Join(' ', plan.Scopes)}]");
        }

        if (claims["aud"]?.ToString() != tenant.Audience)
        {
            problems.Add($"{who}: aud '{claims["aud"]}', expected '{tenant.Audience}'");
        }

        var lifetime = claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>();
        if (lifetime != plan.AccessTokenSeconds)
        {
            problems.Add($"{who}: token lifetime {lifetime} s, expected {plan.AccessTokenSeconds} s");
        }

        return new CredentialsVerdict(lost, problems);
    }
}
