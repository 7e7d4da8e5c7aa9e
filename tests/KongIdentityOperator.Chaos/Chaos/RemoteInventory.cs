using KongIdentityOperator.Entities;
using KongIdentityOperator.Sandbox.Konnect;
using Client = KongIdentityOperator.Entities.Client;

namespace KongIdentityOperator.Chaos.Chaos;

/// <summary>
/// Konnect compared with the cluster, object by object: exactly one remote object per resource. Auth servers and
/// clients are matched by the operator's <c>k8s-uid</c> label, plugins by their tag, scopes and claims (which Konnect
/// cannot label) by name within their auth server.
/// </summary>
internal sealed record RemoteInventory(int Expected, int Matched, int Duplicates, int Orphans, int Missing, IReadOnlyList<string> Problems)
{
    private const string UidLabel = "k8s-uid";

    public static RemoteInventory Compare(
        EmulatorSnapshot konnect,
        IReadOnlyList<AuthServer> authServers,
        IReadOnlyList<Scope> scopes,
        IReadOnlyList<Claim> claims,
        IReadOnlyList<Client> clients,
        IReadOnlyList<UpstreamOAuthPolicy> policies)
    {
        var problems = new List<string>();
        int expected = 0, matched = 0, duplicates = 0, orphans = 0, missing = 0;

        void Match(string what, int found)
        {
            expected++;
            switch (found)
            {
                case 1:
                    matched++;
                    break;
                case 0:
                    missing++;
                    problems.Add($"{what}: missing in Konnect");
                    break;
                default:
                    duplicates += found - 1;
                    problems.Add($"{what}: {found} copies in Konnect");
                    break;
            }
        }

        void Orphan(string what)
        {
            orphans++;
            problems.Add($"{what}: in Konnect without a Kubernetes object");
        }

        var uids = authServers.Select(a => a.Metadata.Uid).ToHashSet(StringComparer.Ordinal);
        foreach (var remote in konnect.AuthServers.Where(r => !uids.Contains(r.Labels.GetValueOrDefault(UidLabel) ?? string.Empty)))
        {
            Orphan($"auth server {remote.Name}");
        }

        foreach (var authServer in authServers)
        {
            var ns = authServer.Metadata.NamespaceProperty;
            var remotes = konnect.AuthServers.Where(r => r.Labels.GetValueOrDefault(UidLabel) == authServer.Metadata.Uid).ToList();
            Match($"AuthServer {ns}/{authServer.Metadata.Name}", remotes.Count);
            if (remotes.Count != 1)
            {
                continue;
            }

            var remote = remotes[0];
            CompareByName($"Scope {ns}", scopes.Where(s => s.Metadata.NamespaceProperty == ns).Select(s => s.Spec.Name ?? s.Metadata.Name), remote.Scopes.Select(s => s.Name));
            CompareByName($"Claim {ns}", claims.Where(c => c.Metadata.NamespaceProperty == ns).Select(c => c.Spec.Name), remote.Claims.Select(c => c.Name));

            var mine = clients.Where(c => c.Metadata.NamespaceProperty == ns).ToList();
            var clientUids = mine.Select(c => c.Metadata.Uid).ToHashSet(StringComparer.Ordinal);
            foreach (var client in mine)
            {
                Match($"Client {ns}/{client.Metadata.Name}", remote.Clients.Count(r => r.Labels.GetValueOrDefault(UidLabel) == client.Metadata.Uid));
            }

            foreach (var stray in remote.Clients.Where(r => !clientUids.Contains(r.Labels.GetValueOrDefault(UidLabel) ?? string.Empty)))
            {
                Orphan($"client {stray.Id} of auth server {remote.Name}");
            }
        }

        var plugins = konnect.AllPlugins.ToList();
        var policyTags = policies.Select(p => $"{UidLabel}:{p.Metadata.Uid}").ToHashSet(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            Match($"UpstreamOAuthPolicy {policy.Metadata.NamespaceProperty}/{policy.Metadata.Name}", plugins.Count(p => p.Tags.Contains($"{UidLabel}:{policy.Metadata.Uid}")));
        }

        foreach (var stray in plugins.Where(p => !p.Tags.Any(policyTags.Contains)))
        {
            Orphan($"plugin {stray.Name} {stray.Id}");
        }

        return new RemoteInventory(expected, matched, duplicates, orphans, missing, problems);

        void CompareByName(string what, IEnumerable<string> desired, IEnumerable<string> remote)
        {
            var counts = remote.GroupBy(n => n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var wanted = desired.ToHashSet(StringComparer.Ordinal);
            foreach (var name in wanted)
            {
                Match($"{what}/{name}", counts.GetValueOrDefault(name));
            }

            foreach (var stray in counts.Keys.Where(n => !wanted.Contains(n)))
            {
                Orphan($"{what}: {stray}");
            }
        }
    }
}
