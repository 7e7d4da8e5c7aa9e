using KongIdentityOperator.Sandbox.Konnect.Issuer;

namespace KongIdentityOperator.Sandbox.Konnect.State;

/// <summary>Copies the store into the public snapshot records, under the store's lock.</summary>
internal sealed class SnapshotBuilder(EmulatorStore store, IssuerUrls urls)
{
    public EmulatorSnapshot Build(bool redactPluginSecrets)
    {
        lock (store.Gate)
        {
            var servers = store.AuthServers.Values.OrderBy(n => n.Entity.Sequence).Select(AuthServer).ToList();
            var planes = store.ControlPlanes.Values.OrderBy(n => n.Entity.Sequence).Select(n => ControlPlane(n, redactPluginSecrets)).ToList();
            return new EmulatorSnapshot(servers, planes);
        }
    }

    private AuthServerSnapshot AuthServer(AuthServerNode node)
    {
        var a = node.Entity;
        return new AuthServerSnapshot(
            a.Id.ToString(),
            a.Name,
            a.Description,
            a.Audience,
            a.SigningAlgorithm,
            urls.Issuer(a.IssuerKey),
            a.Labels,
            node.Scopes.Values.OrderBy(s => s.Sequence)
                .Select(s => new ScopeSnapshot(s.Id.ToString(), s.Name, s.Description, s.Default, s.IncludeInMetadata, s.Enabled))
                .ToList(),
            node.Claims.Values.OrderBy(c => c.Sequence)
                .Select(c => new ClaimSnapshot(
                    c.Id.ToString(), c.Name, c.Value, c.IncludeInToken, c.IncludeInAllScopes, c.IncludeInScopes.Select(id => id.ToString()).ToList(), c.Enabled))
                .ToList(),
            node.Clients.Values.OrderBy(c => c.Entity.Sequence).Select(Client).ToList(),
            a.CreatedAt,
            a.UpdatedAt);
    }

    private static ClientSnapshot Client(ClientNode node)
    {
        var c = node.Entity;
        return new ClientSnapshot(
            c.Id,
            c.Name,
            c.GrantTypes,
            c.ResponseTypes,
            c.AccessTokenDuration,
            c.AllowAllScopes,
            c.AllowScopes.Select(id => id.ToString()).ToList(),
            c.Labels,
            c.TokenEndpointAuthMethod,
            node.OrderedSecrets.Select(s => new ClientSecretSnapshot(s.Id.ToString(), s.Enabled, s.CreatedAt, s.UpdatedAt)).ToList(),
            node.Tokens.Count,
            c.CreatedAt,
            c.UpdatedAt);
    }

    private static ControlPlaneSnapshot ControlPlane(ControlPlaneNode node, bool redact) => new(
        node.Entity.Id.ToString(),
        node.Entity.Name,
        node.Entity.ClusterType,
        node.Entity.Labels,
        node.Services.Values.OrderBy(s => s.Sequence)
            .Select(s => new GatewayServiceSnapshot(s.Id.ToString(), s.Name, s.Host, s.Port, s.Protocol, s.Path, s.Tags ?? []))
            .ToList(),
        node.Routes.Values.OrderBy(r => r.Sequence)
            .Select(r => new RouteSnapshot(r.Id.ToString(), r.Name, r.ServiceId?.ToString(), r.Paths ?? [], r.Tags ?? []))
            .ToList(),
        node.Plugins.Values.OrderBy(p => p.Sequence)
            .Select(p => new PluginSnapshot(
                p.Id.ToString(),
                p.Name,
                p.Enabled,
                p.ServiceId?.ToString(),
                p.RouteId?.ToString(),
                p.InstanceName,
                p.Tags ?? [],
                p.Protocols,
                redact ? ConfigRedaction.Redact(p.Config) : p.Config.Clone()))
            .ToList());
}
