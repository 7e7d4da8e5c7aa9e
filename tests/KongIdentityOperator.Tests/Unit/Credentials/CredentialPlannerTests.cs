using System.Text;
using KongIdentityOperator.Credentials;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Tests.Unit.Credentials;

public sealed class CredentialPlannerTests
{
    private const string Kept = "kept-secret-value-0123456789";
    private const string Version = "0123456789abcdef";
    private static readonly DateTimeOffset Now = CredentialSecrets.IssuedAt.AddDays(3);

    [Fact]
    public void Without_a_secret_a_fresh_one_is_written()
    {
        var client = TestEntities.Client();

        var plan = CredentialPlanner.Plan(client, current: null, broughtSecret: null, ledger: SecretLedger.Empty, Now);

        Assert.Equal(43, plan.Current.Secret.Length);
        Assert.Equal(16, plan.Current.Version.Length);
        Assert.Equal(Now, plan.Current.IssuedAt);
        Assert.Equal("SecretWritten", plan.ChangeReason);
        Assert.Null(plan.Current.RotationRequest);
    }

    [Fact]
    public void Without_a_secret_the_pending_rotation_request_counts_as_answered()
    {
        var client = TestEntities.Client(annotations: Rotate("2026-01-01"));

        var plan = CredentialPlanner.Plan(client, null, null, SecretLedger.Empty, Now);

        Assert.Equal("2026-01-01", plan.Current.RotationRequest);
        Assert.Equal("SecretWritten", plan.ChangeReason);
    }

    [Fact]
    public void Two_fresh_plans_never_share_secret_or_version()
    {
        var client = TestEntities.Client();

        var first = CredentialPlanner.Plan(client, null, null, SecretLedger.Empty, Now);
        var second = CredentialPlanner.Plan(client, null, null, SecretLedger.Empty, Now);

        Assert.NotEqual(first.Current.Secret, second.Current.Secret);
        Assert.NotEqual(first.Current.Version, second.Current.Version);
    }

    [Fact]
    public void An_intact_secret_is_kept_with_its_version_and_issue_time()
    {
        var client = TestEntities.Client();

        var plan = CredentialPlanner.Plan(client, CredentialSecrets.Holding(client, Kept, Version), null, SecretLedger.Empty, Now);

        Assert.Equal(Kept, plan.Current.Secret);
        Assert.Equal(Version, plan.Current.Version);
        Assert.Equal(CredentialSecrets.IssuedAt, plan.Current.IssuedAt);
        Assert.Null(plan.ChangeReason);
    }

    [Fact]
    public void An_intact_secret_under_renamed_keys_is_kept()
    {
        var client = TestEntities.Client(spec: s => s.Secret = new() { Name = "creds", Keys = new() { ClientSecret = "password" } });

        var plan = CredentialPlanner.Plan(client, CredentialSecrets.Holding(client, Kept, Version), null, SecretLedger.Empty, Now);

        Assert.Equal(Kept, plan.Current.Secret);
        Assert.Null(plan.ChangeReason);
    }

    [Fact]
    public void A_tampered_secret_is_healed_with_a_fresh_one()
    {
        var client = TestEntities.Client();
        var current = CredentialSecrets.Holding(client, Kept, Version);
        current.Data["client_secret"] = Encoding.UTF8.GetBytes("edited-by-hand");

        var plan = CredentialPlanner.Plan(client, current, null, SecretLedger.Empty, Now);

        Assert.NotEqual("edited-by-hand", plan.Current.Secret);
        Assert.NotEqual(Kept, plan.Current.Secret);
        Assert.NotEqual(Version, plan.Current.Version);
        Assert.Equal(Now, plan.Current.IssuedAt);
        Assert.Equal("SecretHealed", plan.ChangeReason);
    }

    [Theory]
    [InlineData(CredentialAnnotations.SecretVersion)]
    [InlineData(CredentialAnnotations.SecretSha256)]
    public void A_secret_missing_a_bookkeeping_annotation_is_healed(string annotation)
    {
        var client = TestEntities.Client();
        var current = CredentialSecrets.Holding(client, Kept, Version);
        current.Metadata.Annotations.Remove(annotation);

        var plan = CredentialPlanner.Plan(client, current, null, SecretLedger.Empty, Now);

        Assert.NotEqual(Kept, plan.Current.Secret);
        Assert.NotEqual(Version, plan.Current.Version);
        Assert.Equal("SecretHealed", plan.ChangeReason);
    }

    [Fact]
    public void A_secret_without_the_client_secret_key_is_healed()
    {
        var client = TestEntities.Client();
        var current = CredentialSecrets.Holding(client, Kept, Version);
        current.Data.Remove("client_secret");

        var plan = CredentialPlanner.Plan(client, current, null, SecretLedger.Empty, Now);

        Assert.Equal(43, plan.Current.Secret.Length);
        Assert.Equal("SecretHealed", plan.ChangeReason);
    }

    [Fact]
    public void A_secret_without_annotations_is_healed()
    {
        var client = TestEntities.Client();
        var current = CredentialSecrets.Holding(client, Kept, Version);
        current.Metadata.Annotations = null;

        var plan = CredentialPlanner.Plan(client, current, null, SecretLedger.Empty, Now);

        Assert.NotEqual(Kept, plan.Current.Secret);
        Assert.Equal("SecretHealed", plan.ChangeReason);
    }

    [Fact]
    public void A_new_rotate_secret_value_rotates_and_is_recorded()
    {
        var client = TestEntities.Client(annotations: Rotate("second"));

        var plan = CredentialPlanner.Plan(client, CredentialSecrets.Holding(client, Kept, Version, rotationRequest: "first"), null, SecretLedger.Empty, Now);

        Assert.NotEqual(Kept, plan.Pending!.Secret);
        Assert.NotEqual(Version, plan.Pending!.Version);
        Assert.Equal(Now, plan.Pending!.IssuedAt);
        Assert.Equal("second", plan.Pending!.RotationRequest);
        Assert.Equal("SecretStaged", plan.ChangeReason);
        Assert.Equal((Kept, Version), (plan.Current.Secret, plan.Current.Version));
    }

    [Fact]
    public void A_first_rotate_secret_value_rotates()
    {
        var client = TestEntities.Client(annotations: Rotate("now"));

        var plan = CredentialPlanner.Plan(client, CredentialSecrets.Holding(client, Kept, Version), null, SecretLedger.Empty, Now);

        Assert.NotEqual(Kept, plan.Pending!.Secret);
        Assert.Equal("now", plan.Pending!.RotationRequest);
        Assert.Equal("SecretStaged", plan.ChangeReason);
        Assert.Equal((Kept, Version), (plan.Current.Secret, plan.Current.Version));
    }

    [Fact]
    public void A_rotate_secret_value_already_answered_keeps_the_secret()
    {
        var client = TestEntities.Client(annotations: Rotate("first"));

        var plan = CredentialPlanner.Plan(client, CredentialSecrets.Holding(client, Kept, Version, rotationRequest: "first"), null, SecretLedger.Empty, Now);

        Assert.Equal(Kept, plan.Current.Secret);
        Assert.Equal(Version, plan.Current.Version);
        Assert.Equal("first", plan.Current.RotationRequest);
        Assert.Null(plan.ChangeReason);
    }

    [Fact]
    public void An_empty_rotate_secret_value_asks_for_nothing()
    {
        var client = TestEntities.Client(annotations: Rotate(string.Empty));

        var plan = CredentialPlanner.Plan(client, CredentialSecrets.Holding(client, Kept, Version), null, SecretLedger.Empty, Now);

        Assert.Equal(Kept, plan.Current.Secret);
        Assert.Null(plan.ChangeReason);
    }

    [Fact]
    public void An_elapsed_rotation_period_rotates()
    {
        var client = TestEntities.Client(spec: s => s.Secret = new() { RotationPeriod = "24h" });
        var due = CredentialSecrets.IssuedAt.AddHours(24);

        var plan = CredentialPlanner.Plan(client, CredentialSecrets.Holding(client, Kept, Version), null, SecretLedger.Empty, due);

        Assert.NotEqual(Kept, plan.Pending!.Secret);
        Assert.NotEqual(Version, plan.Pending!.Version);
        Assert.Equal(due, plan.Pending!.IssuedAt);
        Assert.Equal("SecretStaged", plan.ChangeReason);
        Assert.Equal((Kept, Version), (plan.Current.Secret, plan.Current.Version));
    }

    [Fact]
    public void A_rotation_period_not_yet_elapsed_keeps_the_secret()
    {
        var client = TestEntities.Client(spec: s => s.Secret = new() { RotationPeriod = "24h" });
        var almost = CredentialSecrets.IssuedAt.AddHours(24).AddSeconds(-1);

        var plan = CredentialPlanner.Plan(client, CredentialSecrets.Holding(client, Kept, Version), null, SecretLedger.Empty, almost);

        Assert.Equal(Kept, plan.Current.Secret);
        Assert.Equal(CredentialSecrets.IssuedAt, plan.Current.IssuedAt);
        Assert.Null(plan.ChangeReason);
    }

    [Fact]
    public void A_rotation_period_below_one_hour_never_rotates()
    {
        var client = TestEntities.Client(spec: s => s.Secret = new() { RotationPeriod = "30m" });

        var plan = CredentialPlanner.Plan(client, CredentialSecrets.Holding(client, Kept, Version), null, SecretLedger.Empty, Now);

        Assert.Equal(Kept, plan.Current.Secret);
        Assert.Null(plan.ChangeReason);
    }

    [Fact]
    public void A_brought_secret_equal_to_the_stored_one_is_kept()
    {
        var client = TestEntities.Client(spec: s => s.ClientSecretRef = new() { Name = "byo" });

        var plan = CredentialPlanner.Plan(client, CredentialSecrets.Holding(client, Kept, Version), Kept, SecretLedger.Empty, Now);

        Assert.Equal(Kept, plan.Current.Secret);
        Assert.Equal(Version, plan.Current.Version);
        Assert.Equal(CredentialSecrets.IssuedAt, plan.Current.IssuedAt);
        Assert.Null(plan.ChangeReason);
    }

    [Fact]
    public void A_brought_secret_different_from_the_stored_one_gets_a_new_version()
    {
        var client = TestEntities.Client(spec: s => s.ClientSecretRef = new() { Name = "byo" });

        var plan = CredentialPlanner.Plan(client, CredentialSecrets.Holding(client, Kept, Version), "brought-secret", SecretLedger.Empty, Now);

        Assert.Equal("brought-secret", plan.Pending!.Secret);
        Assert.NotEqual(Version, plan.Pending!.Version);
        Assert.Equal(Now, plan.Pending!.IssuedAt);
        Assert.Equal("SecretStaged", plan.ChangeReason);
        Assert.Equal((Kept, Version), (plan.Current.Secret, plan.Current.Version));
    }

    [Fact]
    public void A_brought_secret_without_a_stored_one_is_written()
    {
        var client = TestEntities.Client(spec: s => s.ClientSecretRef = new() { Name = "byo" });

        var plan = CredentialPlanner.Plan(client, null, "brought-secret", SecretLedger.Empty, Now);

        Assert.Equal("brought-secret", plan.Current.Secret);
        Assert.Equal("SecretWritten", plan.ChangeReason);
    }

    [Fact]
    public void A_brought_secret_wins_over_rotation_requests_and_periods()
    {
        var client = TestEntities.Client(
            spec: s => { s.ClientSecretRef = new() { Name = "byo" }; s.Secret = new() { RotationPeriod = "1h" }; },
            annotations: Rotate("please"));

        var plan = CredentialPlanner.Plan(client, CredentialSecrets.Holding(client, Kept, Version), Kept, SecretLedger.Empty, Now);

        Assert.Equal(Kept, plan.Current.Secret);
        Assert.Equal(Version, plan.Current.Version);
        Assert.Null(plan.ChangeReason);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("59m59s", null)]
    [InlineData("30m", null)]
    [InlineData("monthly", null)]
    [InlineData("1h", 1.0)]
    [InlineData("1h30m", 1.5)]
    [InlineData("720h", 720.0)]
    public void The_rotation_period_is_at_least_one_hour_or_none(string? period, double? expectedHours)
    {
        var client = TestEntities.Client(spec: s => s.Secret = new() { RotationPeriod = period });

        Assert.Equal(expectedHours is { } hours ? TimeSpan.FromHours(hours) : null, CredentialPlanner.RotationPeriod(client));
    }

    [Fact]
    public void A_plan_never_prints_its_secret()
    {
        var plan = CredentialPlanner.Plan(TestEntities.Client(), null, null, SecretLedger.Empty, Now);

        Assert.DoesNotContain(plan.Current.Secret, plan.ToString(), StringComparison.Ordinal);
        Assert.Contains(plan.Current.Version, plan.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rotation_asked_for_during_a_grace_period_waits_for_its_end()
    {
        var client = TestEntities.Client(annotations: Rotate("again"));
        var graceEnds = Now.AddMinutes(4);
        var ledger = new SecretLedger("secret-2", Version, "secret-1", graceEnds);

        var plan = CredentialPlanner.Plan(client, CredentialSecrets.Holding(client, Kept, Version, rotationRequest: "first"), null, ledger, Now);
        var later = CredentialPlanner.Plan(client, CredentialSecrets.Holding(client, Kept, Version, rotationRequest: "first"), null, ledger, graceEnds);

        Assert.Null(plan.Pending);
        Assert.Equal((Kept, "first"), (plan.Current.Secret, plan.Current.RotationRequest));
        Assert.Equal("RotationDeferred", plan.ChangeReason);
        Assert.Equal(graceEnds, plan.DeferredUntil);
        Assert.Equal("again", later.Pending?.RotationRequest);
        Assert.Equal("SecretStaged", later.ChangeReason);
    }

    [Fact]
    public void A_heal_during_a_grace_period_does_not_wait()
    {
        var client = TestEntities.Client();

        var plan = CredentialPlanner.Plan(client, null, null, new SecretLedger("secret-2", Version, "secret-1", Now.AddMinutes(4)), Now);

        Assert.Equal("SecretHealed", plan.ChangeReason);
        Assert.Null(plan.DeferredUntil);
    }

    [Fact]
    public void A_staged_secret_carries_on_and_a_new_request_does_not_replace_it()
    {
        var client = TestEntities.Client(annotations: Rotate("third"));
        var current = CredentialSecrets.Holding(client, Kept, Version, rotationRequest: "first");
        CredentialSecrets.Stage(current, "staged-secret-value-0123456789", "fedcba9876543210", "second");

        var plan = CredentialPlanner.Plan(client, current, null, SecretLedger.Empty, Now);

        Assert.Equal(("staged-secret-value-0123456789", "fedcba9876543210", "second"), (plan.Pending?.Secret, plan.Pending?.Version, plan.Pending?.RotationRequest));
        Assert.Equal(CredentialSecrets.IssuedAt, plan.Pending!.IssuedAt);
        Assert.Equal(Kept, plan.Current.Secret);
        Assert.Null(plan.ChangeReason);
    }

    [Fact]
    public void An_edited_staged_secret_is_dropped_and_the_rotation_starts_again()
    {
        var client = TestEntities.Client(annotations: Rotate("second"));
        var current = CredentialSecrets.Holding(client, Kept, Version, rotationRequest: "first");
        CredentialSecrets.Stage(current, "staged-secret-value-0123456789", "fedcba9876543210", "second");
        current.Data[CredentialAnnotations.PendingKey] = Encoding.UTF8.GetBytes("edited-by-hand");

        var plan = CredentialPlanner.Plan(client, current, null, SecretLedger.Empty, Now);

        Assert.NotEqual("edited-by-hand", plan.Pending?.Secret);
        Assert.NotEqual("fedcba9876543210", plan.Pending?.Version);
        Assert.Equal("SecretStaged", plan.ChangeReason);
    }

    [Theory]
    [InlineData(null, 600.0)]
    [InlineData("0s", 0.0)]
    [InlineData("0", 0.0)]
    [InlineData("30s", 30.0)]
    [InlineData("24h", 86400.0)]
    public void The_grace_period_defaults_to_ten_minutes_and_zero_cuts_over(string? grace, double seconds)
    {
        var client = TestEntities.Client(spec: s => s.Secret = new() { RotationGracePeriod = grace });

        Assert.Equal(TimeSpan.FromSeconds(seconds), CredentialPlanner.GracePeriod(client));
    }

    [Fact]
    public void A_deleted_secret_of_a_registered_client_is_healed_not_written_anew()
    {
        var plan = CredentialPlanner.Plan(TestEntities.Client(), null, null, new SecretLedger("secret-1", Version, null, null), Now);

        Assert.Equal("SecretHealed", plan.ChangeReason);
        Assert.Null(plan.Pending);
    }

    [Fact]
    public void The_known_ids_written_beside_a_value_are_read_back()
    {
        var client = TestEntities.Client();
        var written = CredentialsSecret.Desired(
            client, null, new CredentialPlan(new CredentialValue(Kept, Version, Now, null) { KnownIds = ["a", "b"] }, null, null), new CredentialsContent("id", "iss", "tok", [], "aud"));
        var empty = CredentialsSecret.Desired(
            client, null, new CredentialPlan(new CredentialValue(Kept, Version, Now, null) { KnownIds = [] }, null, null), new CredentialsContent("id", "iss", "tok", [], "aud"));

        Assert.Equal(["a", "b"], CredentialPlanner.Plan(client, written, null, SecretLedger.Empty, Now).Current.KnownIds);
        Assert.Equal([], CredentialPlanner.Plan(client, empty, null, SecretLedger.Empty, Now).Current.KnownIds);
        Assert.Null(CredentialPlanner.Plan(client, CredentialSecrets.Holding(client, Kept, Version), null, SecretLedger.Empty, Now).Current.KnownIds);
    }

    private static Dictionary<string, string> Rotate(string value) => new() { [CredentialAnnotations.RotateSecret] = value };
}
