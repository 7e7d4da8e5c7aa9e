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

    /// <summary>The secrets in list order: oldest first, creation order breaking ties.</summary>
    public IEnumerable<ClientSecret> OrderedSecrets => Secrets.OrderBy(s => s.CreatedAt).ThenBy(s => s.Sequence);

    /// <summary>
    /// What setting <c>client_secret</c> (POST, PUT, PATCH of the client) does here: every secret is dropped and
    /// one enabled secret with the new value and a new id takes their place.
    /// </summary>
    public ClientSecret CutOverTo(string value, long sequence, DateTimeOffset now)
    {
        var secret = new ClientSecret(Guid.NewGuid(), sequence, value, Enabled: true, now, now);
        Secrets.Clear();
        Secrets.Add(secret);
        return secret;
    }
}
