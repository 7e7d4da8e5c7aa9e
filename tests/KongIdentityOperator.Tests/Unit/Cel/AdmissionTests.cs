namespace KongIdentityOperator.Tests.Unit.Cel;

/// <summary>Creates and updates of whole objects, judged by every CEL rule of their CRD as the API server would.</summary>
public sealed class AdmissionTests
{
    public static TheoryData<string> SampleKinds() => [.. Samples.Kinds];

    [Fact]
    public void There_is_a_sample_of_every_kind() =>
        Assert.Equal(["AuthServer", "Claim", "Client", "Scope", "UpstreamOAuthPolicy"], Samples.Kinds);

    [Theory]
    [MemberData(nameof(SampleKinds))]
    public void The_samples_are_admitted(string kind) => Assert.Empty(CelAdmission.Errors(Samples.Of(kind)));

    [Theory]
    [MemberData(nameof(SampleKinds))]
    public void An_update_that_changes_nothing_is_admitted(string kind) =>
        Assert.Empty(CelAdmission.Errors(Samples.Of(kind), Samples.Of(kind)));

    [Fact]
    public void Defaults_are_applied_before_the_rules()
    {
        var client = Samples.Of("Client").With("spec.secret.keys", """{"clientSecret":"audience"}""");

        Assert.Equal([".spec.secret.keys: key names must be distinct"], CelAdmission.Errors(client));
    }

    [Fact]
    public void Mutable_fields_can_change()
    {
        var old = Samples.Of("Client");
        var updated = old.With("spec.displayName", "\"Renamed\"").With("spec.accessTokenDurationSeconds", "600").With("spec.allowScopes", "[]");

        Assert.Empty(CelAdmission.Errors(updated, old));
    }

    public static TheoryData<string, string, string?, string?, string> RejectedUpdates() => new()
    {
        { "Scope", "spec.authServerRef", "{\"name\":\"appointments-dev\"}", "{\"name\":\"appointments-prod\"}", ".spec.authServerRef: authServerRef is immutable" },
        { "Claim", "spec.authServerRef", "{\"name\":\"appointments-dev\"}", "{\"name\":\"other\"}", ".spec.authServerRef: authServerRef is immutable" },
        { "Client", "spec.clientID", null, "\"orders\"", ".spec.clientID: clientID is immutable (it cannot be set, changed or removed after creation)" },
        { "Client", "spec.clientID", "\"orders\"", "\"billing\"", ".spec.clientID: clientID is immutable (it cannot be set, changed or removed after creation)" },
        { "Client", "spec.clientID", "\"orders\"", null, ".spec.clientID: clientID is immutable (it cannot be set, changed or removed after creation)" },
        { "AuthServer", "spec.konnect.region", "\"us\"", "\"eu\"", ".spec.konnect: konnect.region and konnect.serverURL are immutable (they cannot be set, changed or removed after creation): the object cannot move between Konnect regions or servers" },
        { "UpstreamOAuthPolicy", "spec.konnect.serverURL", "\"https://a.internal\"", "\"https://b.internal\"", ".spec.konnect: konnect.region and konnect.serverURL are immutable (they cannot be set, changed or removed after creation): the object cannot move between Konnect regions or servers" },
        { "Client", "spec.adopt", "{\"id\":\"orders\"}", "{\"id\":\"billing\"}", ".spec.adopt: adopt.id cannot be changed or removed once set" },
    };

    [Theory]
    [MemberData(nameof(RejectedUpdates))]
    public void Immutable_fields_cannot_change(string kind, string path, string? before, string? after, string error)
    {
        var old = Samples.Of(kind).With(path, before);

        Assert.Equal([error], CelAdmission.Errors(old.With(path, after), old));
    }

    // A transition rule on an optional field runs only when the field is in both the old and the new object, so
    // dropping the field (or swapping region for serverURL) slips past "immutable". Removing the region moves the
    // object to the operator's default region; removing adopt makes the operator create a second Konnect object.
    public static TheoryData<string, string, string, string?> RemovedImmutables() => new()
    {
        { "AuthServer", "spec.konnect.region", "\"eu\"", null },
        { "UpstreamOAuthPolicy", "spec.konnect.serverURL", "\"https://konnect.internal\"", null },
        { "AuthServer", "spec.konnect", "{\"region\":\"eu\"}", "{\"serverURL\":\"https://konnect.internal\"}" },
        { "Client", "spec.adopt", "{\"id\":\"orders\"}", null },
        { "Scope", "spec.adopt", "{\"id\":\"5d9b8c1e-0000-4000-8000-000000000001\"}", null },
    };

    [Theory]
    [MemberData(nameof(RemovedImmutables))]
    public void Immutable_fields_cannot_be_dropped_either(string kind, string path, string before, string? after)
    {
        var old = Samples.Of(kind).With(path, before);

        Assert.NotEmpty(CelAdmission.Errors(old.With(path, after), old));
    }

    public static TheoryData<string, string, string, string> RejectedCreates() => new()
    {
        { "AuthServer", "spec.konnect", "{\"region\":\"eu\",\"serverURL\":\"https://konnect.internal\"}", ".spec.konnect: region and serverURL are mutually exclusive: set one of them" },
        { "AuthServer", "spec.labels", "{\"konnect-team\":\"a\"}", ".spec.labels: label keys must be 1-63 characters and must not start with kong, konnect, mesh, kic or _ (k8s-* and managed-by are the operator's ownership marks)" },
        { "Client", "spec.secret", "{\"labels\":{\"identity.konghq.com/referenceable\":\"true\"}}", ".spec.secret.labels: keys under identity.konghq.com/ are the operator's own and cannot be set here" },
        { "Client", "spec.secret", "{\"annotations\":{\"identity.konghq.com/secret-version\":\"v1\"}}", ".spec.secret.annotations: keys under identity.konghq.com/ are the operator's own and cannot be set here" },
        { "UpstreamOAuthPolicy", "spec.controlPlaneRef", "{\"name\":\"..\"}", ".spec.controlPlaneRef.name: must not be . or .. (it would address another resource in a URL path)" },
        { "Client", "spec.labels", "{\"team\":\"a b\"}", ".spec.labels: label values must be 1-63 characters of letters, digits, '-', '_' or '.', starting and ending with a letter or digit" },
        { "Client", "spec.redirectURIs", "[\"http://app.example.com/cb\"]", ".spec.redirectURIs: redirect URIs must be absolute https URLs without a fragment" },
        { "Claim", "spec.includeInAllScopes", "true", ".spec.includeInScopes: includeInScopes must be empty when includeInAllScopes is true" },
        { "UpstreamOAuthPolicy", "spec.controlPlaneRef", "{}", ".spec.controlPlaneRef: set exactly one of name or id" },
        { "UpstreamOAuthPolicy", "spec.controlPlaneRef", "{\"name\":\"quickstart\",\"id\":\"cp-1\"}", ".spec.controlPlaneRef: set exactly one of name or id" },
        { "UpstreamOAuthPolicy", "spec.target", "{\"service\":{\"name\":\"httpbin\"},\"route\":{\"name\":\"r\"}}", ".spec.target: set at most one of service or route; neither means global" },
        { "UpstreamOAuthPolicy", "spec.target", "{\"service\":{}}", ".spec.target.service: set exactly one of name or id" },
        { "UpstreamOAuthPolicy", "spec.behavior", "{\"purgeTokenOnUpstreamStatusCodes\":[401,700]}", ".spec.behavior.purgeTokenOnUpstreamStatusCodes: status codes must be between 100 and 599" },
    };

    [Theory]
    [MemberData(nameof(RejectedCreates))]
    public void Invalid_objects_are_rejected_with_the_rules_message(string kind, string path, string value, string error) =>
        Assert.Equal([error], CelAdmission.Errors(Samples.Of(kind).With(path, value)));

    [Fact]
    public void Adding_optional_settings_later_is_admitted()
    {
        var old = Samples.Of("UpstreamOAuthPolicy");
        var updated = old.With("spec.target", "{\"route\":{\"id\":\"route-1\"}}").With("spec.adopt", "{\"id\":\"plugin-1\"}");

        Assert.Empty(CelAdmission.Errors(updated, old));
    }

    [Fact]
    public void Every_rule_site_is_reached_by_some_scenario()
    {
        // The paths of the scenarios above cover every place a rule sits, so none of them is checked only in isolation.
        var scenarioPaths = RejectedUpdates().Select(r => r.Data.Item2).Concat(RemovedImmutables().Select(r => r.Data.Item2))
            .Concat(RejectedCreates().Select(r => r.Data.Item2)).Append("spec.secret.keys").ToHashSet(StringComparer.Ordinal);

        Assert.All(RuleSite.All(), site => Assert.Contains(scenarioPaths, p => site.Path.StartsWith(p, StringComparison.Ordinal) || p.StartsWith(site.Path, StringComparison.Ordinal)));
    }

    [Fact]
    public void Transition_rules_do_not_judge_creates()
    {
        var created = Samples.Of("Client").With("spec.clientID", "\"orders\"").With("spec.adopt", "{\"id\":\"orders\"}");

        Assert.Empty(CelAdmission.Errors(created));
    }
}
