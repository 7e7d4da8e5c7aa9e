using KongIdentityOperator.Credentials;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Tests.Unit.Credentials;

/// <summary>
/// Which Konnect secret is which, without ever reading a value: the ledger in status, and the ids a value was written
/// with. Each case is a state a crash or somebody else can leave behind.
/// </summary>
public sealed class KonnectSecretsTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);
    private readonly FakeClientSecrets _konnect = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rotation_adds_the_staged_secret_and_keeps_the_old_one_for_the_grace_period()
    {
        var old = _konnect.Add("old-value");
        var pending = Value("new-value", known: [old]);

        var ledger = await Steps().AddPendingAsync(new SecretLedger(old, "v1", null, null), pending, Grace, NoCheck, Ct);

        Assert.True(_konnect.Holds("old-value") && _konnect.Holds("new-value"));
        Assert.Equal((old, "v2", _time.GetUtcNow() + Grace), (ledger.PreviousSecretId, ledger.RegisteredVersion, ledger.PreviousExpiresAt));
        Assert.NotEqual(old, ledger.SecretId);
    }

    [Fact]
    public async Task After_a_crash_that_followed_the_post_the_secret_is_found_not_posted_again()
    {
        var old = _konnect.Add("old-value");
        var posted = _konnect.Add("new-value");

        var ledger = await Steps().AddPendingAsync(new SecretLedger(old, "v1", null, null), Value("new-value", known: [old]), Grace, NoCheck, Ct);

        Assert.Equal(posted, ledger.SecretId);
        Assert.Empty(_konnect.Writes);
    }

    [Fact]
    public async Task A_secret_added_elsewhere_after_the_decision_is_not_taken_for_the_posted_one()
    {
        var old = _konnect.Add("old-value");
        var posted = _konnect.Add("new-value");
        var intruder = _konnect.Add("someone-elses");

        var ledger = await Steps().AddPendingAsync(new SecretLedger(old, "v1", null, null), Value("new-value", known: [old]), Grace, NoCheck, Ct);

        Assert.Equal(posted, ledger.SecretId);
        Assert.DoesNotContain(intruder, _konnect.Ids);
        Assert.True(_konnect.Holds("old-value"));
    }

    [Fact]
    public async Task A_secret_that_existed_before_the_decision_is_deleted_never_the_value_held()
    {
        var old = _konnect.Add("old-value");
        var orphan = _konnect.Add("lost-staged-value");

        var ledger = await Steps().AddPendingAsync(new SecretLedger(old, "v1", null, null), Value("new-value", known: [old, orphan]), Grace, NoCheck, Ct);

        Assert.Equal(["DELETE " + orphan, "POST " + ledger.SecretId], _konnect.Writes);
        Assert.True(_konnect.Holds("new-value") && _konnect.Holds("old-value"));
    }

    [Fact]
    public async Task A_heal_while_a_grace_period_runs_ends_the_older_secret_first_and_never_holds_three()
    {
        var oldest = _konnect.Add("oldest-value");
        var current = _konnect.Add("current-value");

        var ledger = await Steps().RegisterCurrentAsync(new SecretLedger(current, "v1", oldest, _time.GetUtcNow().AddMinutes(5)), Value("healed-value", known: [oldest, current]), Grace, NoCheck, Ct);

        Assert.False(_konnect.Holds("oldest-value"));
        Assert.True(_konnect.Holds("current-value") && _konnect.Holds("healed-value"));
        Assert.Equal(current, ledger.PreviousSecretId);
    }

    [Fact]
    public async Task The_registered_secret_is_named_as_the_first_after_its_decision_or_the_last_before_a_replacement()
    {
        var registered = _konnect.Add("registered-value");
        var later = _konnect.Add("someone-elses");

        var same = await Steps().IdentifyAsync(new SecretLedger(null, "v1", null, null), Value("registered-value", known: [], version: "v1"), Ct);
        var replaced = await Steps().IdentifyAsync(new SecretLedger(null, "v1", null, null), Value("healed-value", known: [registered]), Ct);

        Assert.Equal(registered, same.SecretId);
        Assert.Equal(registered, replaced.SecretId);
        Assert.NotEqual(later, same.SecretId);
    }

    [Fact]
    public async Task The_previous_secret_is_deleted_once_its_grace_period_is_over_and_not_before()
    {
        var previous = _konnect.Add("previous-value");
        var current = _konnect.Add("current-value");
        var ledger = new SecretLedger(current, "v2", previous, _time.GetUtcNow() + Grace);

        var early = await Steps().ExpireAsync(ledger, Ct);
        _time.Advance(Grace);
        var due = await Steps().ExpireAsync(ledger, Ct);

        Assert.Equal(previous, early.PreviousSecretId);
        Assert.Null(due.PreviousSecretId);
        Assert.Equal(["DELETE " + previous], _konnect.Writes);
    }

    [Fact]
    public async Task A_zero_grace_period_deletes_the_replaced_secret_at_once()
    {
        var old = _konnect.Add("old-value");

        var ledger = await Steps().AddPendingAsync(new SecretLedger(old, "v1", null, null), Value("new-value", known: [old]), TimeSpan.Zero, NoCheck, Ct);

        Assert.Null(ledger.PreviousSecretId);
        Assert.Equal([ledger.SecretId!], _konnect.Ids);
    }

    [Fact]
    public async Task Nothing_is_posted_unless_the_live_secret_holds_the_value()
    {
        var old = _konnect.Add("old-value");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Steps().AddPendingAsync(
            new SecretLedger(old, "v1", null, null), Value("new-value", known: [old]), Grace, _ => throw new InvalidOperationException("changed"), Ct));

        Assert.Empty(_konnect.Writes);
    }

    private static Task NoCheck(CancellationToken cancellationToken) => Task.CompletedTask;

    private static CredentialValue Value(string secret, IReadOnlyList<string> known, string version = "v2") =>
        new(secret, version, DateTimeOffset.UnixEpoch, null) { KnownIds = known };

    private KonnectSecrets Steps() => new(_konnect, "auth-server", "client", _time);
}
