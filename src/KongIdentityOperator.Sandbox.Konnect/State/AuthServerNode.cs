using KongIdentityOperator.Sandbox.Konnect.Identity;
using KongIdentityOperator.Sandbox.Konnect.Issuer;

namespace KongIdentityOperator.Sandbox.Konnect.State;

/// <summary>An auth server with its children. Guarded by <see cref="EmulatorStore.Gate"/>.</summary>
internal sealed class AuthServerNode(AuthServer entity, SigningKey key)
{
    public AuthServer Entity { get; set; } = entity;

    public SigningKey Key { get; } = key;

    public Dictionary<Guid, Scope> Scopes { get; } = [];

    public Dictionary<Guid, Claim> Claims { get; } = [];

    public Dictionary<string, ClientNode> Clients { get; } = new(StringComparer.Ordinal);
}
