using KongIdentityOperator.Sandbox.Konnect.Identity;

namespace KongIdentityOperator.Sandbox.Konnect.State;

/// <summary>A client with its secrets and issued tokens. Guarded by <see cref="EmulatorStore.Gate"/>.</summary>
internal sealed class ClientNode(Client entity)
{
    /// <summary>Tokens kept per client; older ones are dropped so a chaos run cannot grow memory without bound.</summary>
    public const int MaxTokens = 1000;

    public Client Entity { get; set; } = entity;

    public List<ClientSecret> Secrets { get; } = [];

    public LinkedList<IssuedToken> Tokens { get; } = new();

    public int EnabledSecretCount => Secrets.Count(s => s.Enabled);
}
