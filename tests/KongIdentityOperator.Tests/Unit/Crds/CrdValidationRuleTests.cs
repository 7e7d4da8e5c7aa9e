using k8s.Models;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Tests.Unit.Crds;

/// <summary>Where the CEL rules sit; what they decide is tested in <c>Unit/Cel</c>.</summary>
public sealed class CrdValidationRuleTests
{
    private const string Immutable = "self == oldSelf";

    [Theory]
    [InlineData("Scope")]
    [InlineData("Claim")]
    [InlineData("Client")]
    public void The_auth_server_reference_is_immutable(string kind) =>
        Assert.Contains(Rules(kind, "spec.authServerRef"), r => r.Rule == Immutable && r.Message == "authServerRef is immutable");

    [Fact]
    public void The_client_id_is_immutable_including_setting_and_removing_it()
    {
        var rule = Assert.Single(Rules("Client", "spec"), r => r.Rule.Contains("oldSelf.clientID", StringComparison.Ordinal));

        Assert.Contains("has(self.clientID) == has(oldSelf.clientID)", rule.Rule, StringComparison.Ordinal);
        Assert.Equal(".clientID", rule.FieldPath);
    }

    [Theory]
    [InlineData("AuthServer")]
    [InlineData("UpstreamOAuthPolicy")]
    public void Region_and_server_url_are_exclusive_and_each_immutable(string kind)
    {
        Assert.Contains(Rules(kind, "spec.konnect"), r => r.Rule == "!(has(self.region) && has(self.serverURL))");
        // On the spec, not on the optional fields: a rule there would not see the field being removed.
        Assert.Contains(Rules(kind, "spec"), r => r.Rule == SpecRules.KonnectLocationImmutable && r.FieldPath == ".konnect");
        Assert.Empty(Rules(kind, "spec.konnect.region"));
        Assert.Empty(Rules(kind, "spec.konnect.serverURL"));
    }

    [Theory]
    [InlineData("AuthServer")]
    [InlineData("Scope")]
    [InlineData("Claim")]
    [InlineData("Client")]
    [InlineData("UpstreamOAuthPolicy")]
    public void The_adopted_id_is_immutable(string kind) =>
        Assert.Contains(Rules(kind, "spec"), r => r.Rule == SpecRules.AdoptImmutable && r.Message == SpecRules.AdoptMessage && r.FieldPath == ".adopt");

    [Theory]
    [InlineData("AuthServer")]
    [InlineData("Client")]
    public void Label_keys_and_values_follow_konnects_rules(string kind)
    {
        var rules = Rules(kind, "spec.labels");

        Assert.Contains(rules, r => r.Rule.Contains("!k.startsWith('kong')", StringComparison.Ordinal) && r.Rule.Contains("!k.startsWith('k8s-')", StringComparison.Ordinal));
        Assert.Contains(rules, r => r.Rule.Contains("self[k].matches(", StringComparison.Ordinal));
    }

    [Fact]
    public void A_policy_targets_a_service_or_a_route_not_both() =>
        Assert.Contains(Rules("UpstreamOAuthPolicy", "spec.target"), r => r.Rule == "!(has(self.service) && has(self.route))");

    [Theory]
    [InlineData("spec.controlPlaneRef")]
    [InlineData("spec.target.service")]
    [InlineData("spec.target.route")]
    public void Konnect_references_name_exactly_one_of_name_or_id(string path) =>
        Assert.Contains(Rules("UpstreamOAuthPolicy", path), r => r.Rule == "has(self.name) != has(self.id)");

    [Fact]
    public void A_claim_in_all_scopes_lists_no_scopes() =>
        Assert.Contains(Rules("Claim", "spec"), r => r.Rule.Contains("includeInAllScopes", StringComparison.Ordinal) && r.FieldPath == ".includeInScopes");

    [Fact]
    public void Redirect_uris_and_purge_codes_are_checked_item_by_item()
    {
        Assert.Contains(Rules("Client", "spec.redirectURIs"), r => r.Rule.StartsWith("self.all(u,", StringComparison.Ordinal));
        Assert.Contains(Rules("UpstreamOAuthPolicy", "spec.behavior.purgeTokenOnUpstreamStatusCodes"), r => r.Rule.StartsWith("self.all(c,", StringComparison.Ordinal));
    }

    [Fact]
    public void Secret_key_names_must_be_distinct() =>
        Assert.Contains(Rules("Client", "spec.secret.keys"), r => r.Message == "key names must be distinct");

    [Fact]
    public void Status_carries_no_rules() =>
        Assert.All(GeneratedCrds.AllNodes().Where(n => n.Path.StartsWith("status", StringComparison.Ordinal)), n => Assert.Null(n.Schema.XKubernetesValidations));

    private static IList<V1ValidationRule> Rules(string kind, string path) => GeneratedCrds.At(kind, path).XKubernetesValidations ?? [];
}
