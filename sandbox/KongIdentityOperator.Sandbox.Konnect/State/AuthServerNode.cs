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

    /// <summary>The whole second (Unix time) the token-request count belongs to.</summary>
    public long TokenWindowSecond { get; private set; } = long.MinValue;

    /// <summary>Token requests received in <see cref="TokenWindowSecond"/>.</summary>
    public int TokenWindowCount { get; private set; }

    /// <summary>Counts one token request in <paramref name="second"/> and returns how many that second has seen.</summary>
    public int CountTokenRequest(long second)
    {
        if (second != TokenWindowSecond)
        {
            TokenWindowSecond = second;
            TokenWindowCount = 0;
        }

        return ++TokenWindowCount;
    }
}
