namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>
/// The Kong Identity limits the emulator enforces. The defaults are the values Kong documents for Konnect
/// (developer.konghq.com, /identity/auth-servers/); tests lower them to reach a limit cheaply.
/// </summary>
public sealed record KonnectEmulatorLimits
{
    /// <summary>The documented values.</summary>
    public static KonnectEmulatorLimits Documented { get; } = new();

    /// <summary>Auth servers per organization and region (documented: 50). Beyond it, POST /auth-servers is a 403.</summary>
    public int MaxAuthServers { get; init; } = 50;

    /// <summary>Clients per auth server (documented: 5,000). Beyond it, POST and a creating PUT of a client are a 403.</summary>
    public int MaxClientsPerAuthServer { get; init; } = 5_000;

    /// <summary>Enabled ("active") secrets per client (documented: 2). Beyond it, POST …/secrets is a 403.</summary>
    public int MaxEnabledSecretsPerClient { get; init; } = 2;

    /// <summary>Token requests per second per auth server (documented: 100 TPS). Beyond it, the token endpoint answers 429.</summary>
    public int MaxTokenRequestsPerSecond { get; init; } = 100;

    /// <summary>What is wrong with these limits (empty when usable): each must be at least 1.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void AtLeastOne(int value, string name)
        {
            if (value < 1)
            {
                problems.Add($"{name} must be at least 1");
            }
        }

        AtLeastOne(MaxAuthServers, nameof(MaxAuthServers));
        AtLeastOne(MaxClientsPerAuthServer, nameof(MaxClientsPerAuthServer));
        AtLeastOne(MaxEnabledSecretsPerClient, nameof(MaxEnabledSecretsPerClient));
        AtLeastOne(MaxTokenRequestsPerSecond, nameof(MaxTokenRequestsPerSecond));
        return problems;
    }
}
