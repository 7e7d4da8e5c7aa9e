using System.Text;
using k8s.Models;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Connections;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Status;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Tests.Unit.Security;

/// <summary>What an object's spec.konnect may borrow from the operator: a server, the default token, a Secret.</summary>
public sealed class ConnectionResolverTests
{
    private const string DefaultToken = "spat_default_token_of_the_operator";
    private const string TeamToken = "spat_team_token";

    [Fact]
    public void A_server_url_that_is_not_allowed_gets_no_connection_and_names_the_flag()
    {
        var result = Resolver().Resolve("team-a", new KonnectSettings { ServerUrl = "http://10.0.0.1:8080", TokenSecretRef = new() { Name = "token" } });

        Assert.Null(result.Value);
        Assert.Equal((OutcomeKind.Stalled, ConditionReasons.ServerNotAllowed), (result.Problem!.Kind, result.Problem.Reason));
        Assert.Contains("--allowed-konnect-servers", result.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_server_url_is_shown_without_user_info_query_or_fragment()
    {
        var message = Resolver().Resolve("team-a", new KonnectSettings { ServerUrl = "https://spat_in_the_url@evil.example.com:8443/base?token=kpat_query#kpat_fragment" }).Problem!.Message;

        Assert.Contains("https://evil.example.com:8443/base", message, StringComparison.Ordinal);
        Assert.DoesNotContain("spat_in_the_url", message, StringComparison.Ordinal);
        Assert.DoesNotContain("kpat_", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_outside_the_allowed_list_is_refused_too()
    {
        var options = new OperatorOptions { AllowedKonnectServers = [new Uri("https://eu.api.konghq.com")], KonnectToken = DefaultToken, DefaultTokenNamespaces = NamespaceGrant.Parse("*") };

        Assert.Equal(ConditionReasons.ServerNotAllowed, Resolver(options).Resolve("team-a", new KonnectSettings { Region = KonnectRegion.Us }).Problem?.Reason);
        Assert.Equal(new Uri("https://eu.api.konghq.com"), Resolver(options).Resolve("team-a", new KonnectSettings { Region = KonnectRegion.Eu }).Value?.ServerUrl);
    }

    [Fact]
    public void With_the_override_a_region_goes_to_the_override_and_any_other_server_url_is_refused()
    {
        var options = new OperatorOptions { KonnectServerUrl = new Uri("http://127.0.0.1:9100"), KonnectToken = DefaultToken, DefaultTokenNamespaces = NamespaceGrant.Parse("*") };

        Assert.Equal(new Uri("http://127.0.0.1:9100"), Resolver(options).Resolve("team-a", new KonnectSettings { Region = KonnectRegion.Eu }).Value?.ServerUrl);
        Assert.Equal(new Uri("http://127.0.0.1:9100/"), Resolver(options).Resolve("team-a", new KonnectSettings { ServerUrl = "http://127.0.0.1:9100/" }).Value?.ServerUrl);
        Assert.Equal(ConditionReasons.ServerNotAllowed, Resolver(options).Resolve("team-a", new KonnectSettings { ServerUrl = "http://127.0.0.1:9101" }).Problem?.Reason);
    }

    [Fact]
    public void The_default_token_is_used_only_where_it_is_granted()
    {
        var options = new OperatorOptions { KonnectToken = DefaultToken, DefaultTokenNamespaces = NamespaceGrant.Parse("platform") };

        Assert.Equal(DefaultToken, Resolver(options).Resolve("platform", null).Value?.Token);
        var refused = Resolver(options).Resolve("team-a", null).Problem!;
        Assert.Equal((OutcomeKind.Stalled, ConditionReasons.DefaultTokenNotAllowed), (refused.Kind, refused.Reason));
        Assert.Contains("--default-token-namespaces", refused.Message, StringComparison.Ordinal);
        Assert.Contains("tokenSecretRef", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DefaultToken, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_grant_no_namespace_gets_the_default_token()
    {
        var options = new OperatorOptions { KonnectToken = DefaultToken };

        Assert.Equal(ConditionReasons.DefaultTokenNotAllowed, Resolver(options).Resolve("default", null).Problem?.Reason);
        Assert.Equal(ConditionReasons.DefaultTokenNotAllowed, Resolver(options).Resolve("kube-system", null).Problem?.Reason);
    }

    [Fact]
    public void A_star_grants_every_namespace()
    {
        var options = new OperatorOptions { KonnectToken = DefaultToken, DefaultTokenNamespaces = NamespaceGrant.Parse("*") };

        Assert.Equal(DefaultToken, Resolver(options).Resolve("anything", null).Value?.Token);
    }

    [Fact]
    public void A_token_secret_is_read_only_when_it_is_offered()
    {
        var unlabelled = Secret("token", TeamToken, offered: false);
        var settings = new KonnectSettings { TokenSecretRef = new() { Name = "token" } };

        var refused = Resolver(secrets: [unlabelled]).Resolve("team-a", settings).Problem!;
        var accepted = Resolver(secrets: [Secret("token", TeamToken, offered: true)]).Resolve("team-a", settings);

        Assert.Equal((OutcomeKind.Progressing, ConditionReasons.SecretNotReferenceable), (refused.Kind, refused.Reason));
        Assert.Contains("identity.konghq.com/referenceable", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamToken, refused.Message, StringComparison.Ordinal);
        Assert.Equal(TeamToken, accepted.Value?.Token);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("True")]
    [InlineData("yes")]
    [InlineData("")]
    public void Only_the_exact_label_value_true_offers_a_secret(string value)
    {
        var secret = Secret("token", TeamToken, offered: false);
        secret.Metadata.Labels = new Dictionary<string, string> { [ReferenceableSecret.Label] = value };

        Assert.False(ReferenceableSecret.IsOffered(secret));
    }

    [Fact]
    public void The_default_token_file_is_read_again_when_it_changes()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kio-token-{Guid.NewGuid():N}");
        var time = new FakeTimeProvider();
        try
        {
            var source = new DefaultTokenSource(new OperatorOptions { KonnectTokenFile = file }, time);
            Assert.Null(source.Current());

            File.WriteAllText(file, "spat_first\n");
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("spat_first", source.Current());

            File.WriteAllText(file, "spat_second");
            Assert.Equal("spat_first", source.Current());
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("spat_second", source.Current());

            File.WriteAllText(file, "   ");
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.Null(source.Current());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static KonnectConnectionResolver Resolver(OperatorOptions? options = null, V1Secret[]? secrets = null)
    {
        options ??= new OperatorOptions();
        var cache = new FakeCache<V1Secret>().With(secrets ?? []);
        return new KonnectConnectionResolver(options, AllowedServers.For(options), new DefaultTokenSource(options, TimeProvider.System), cache);
    }

    private static V1Secret Secret(string name, string token, bool offered) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "team-a",
            Labels = offered ? new Dictionary<string, string> { [ReferenceableSecret.Label] = "true" } : null,
        },
        Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes(token) },
    };
}
