using System.Security.Cryptography;

namespace KongIdentityOperator.Sandbox.Konnect.State;

/// <summary>
/// All emulator state, behind one lock. Entities are immutable records replaced on update, so anything read
/// under the lock can be used after it; nodes (mutable containers) never leave the lock.
/// </summary>
internal sealed class EmulatorStore(TimeProvider timeProvider, KonnectEmulatorLimits limits)
{
    private long _sequence;

    public Lock Gate { get; } = new();

    public TimeProvider Time { get; } = timeProvider;

    public KonnectEmulatorLimits Limits { get; } = limits;

    /// <summary>The organization id used in Konnect-style conflict messages.</summary>
    public Guid OrganizationId { get; } = Guid.NewGuid();

    public Dictionary<Guid, AuthServerNode> AuthServers { get; } = [];

    /// <summary>Auth server id by the random key in its issuer URL.</summary>
    public Dictionary<string, Guid> IssuerKeys { get; } = new(StringComparer.Ordinal);

    public Dictionary<Guid, ControlPlaneNode> ControlPlanes { get; } = [];

    public DateTimeOffset Now => Time.GetUtcNow();

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>Drops everything. Call with <see cref="Gate"/> held.</summary>
    public void Clear()
    {
        AuthServers.Clear();
        IssuerKeys.Clear();
        ControlPlanes.Clear();
    }

    /// <summary>A random string of lowercase letters and digits (issuer keys, client ids).</summary>
    public static string RandomAlphanumeric(int length, bool mixedCase = false)
    {
        const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";
        const string Mixed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(mixedCase ? Mixed : Lower, length);
    }
}
