using k8s.Models;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Tests.Unit;

/// <summary>The five kinds as a controller would receive them: namespaced, named, with a uid and a generation.</summary>
internal static class TestEntities
{
    public const string Namespace = "team-a";

    public static AuthServer AuthServer(string name = "appointments", Action<AuthServerSpec>? spec = null)
    {
        var entity = new AuthServer { Metadata = Meta(name), Spec = { Audience = "http://myhttpbin.dev" } };
        spec?.Invoke(entity.Spec);
        return entity;
    }

    public static Scope Scope(string name = "my-scope", Action<ScopeSpec>? spec = null)
    {
        var entity = new Scope { Metadata = Meta(name), Spec = { AuthServerRef = new() { Name = "appointments" } } };
        spec?.Invoke(entity.Spec);
        return entity;
    }

    public static Claim Claim(string name = "tenant", Action<ClaimSpec>? spec = null)
    {
        var entity = new Claim { Metadata = Meta(name), Spec = { AuthServerRef = new() { Name = "appointments" }, Name = "tenant", Value = "acme" } };
        spec?.Invoke(entity.Spec);
        return entity;
    }

    public static Client Client(string name = "orders", Action<ClientSpec>? spec = null, IDictionary<string, string>? annotations = null)
    {
        var entity = new Client { Metadata = Meta(name), Spec = { AuthServerRef = new() { Name = "appointments" } } };
        entity.Metadata.Annotations = annotations;
        spec?.Invoke(entity.Spec);
        return entity;
    }

    public static UpstreamOAuthPolicy Policy(string name = "orders-oauth", Action<UpstreamOAuthPolicySpec>? spec = null)
    {
        var entity = new UpstreamOAuthPolicy
        {
            Metadata = Meta(name),
            Spec = { ControlPlaneRef = new() { Name = "quickstart" }, ClientRef = new() { Name = "orders" } },
        };
        spec?.Invoke(entity.Spec);
        return entity;
    }

    /// <summary>A uid that is stable per name, so two builds of the same object are the same object.</summary>
    public static string UidOf(string name) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16)).ToString();

    private static V1ObjectMeta Meta(string name) => new()
    {
        Name = name,
        NamespaceProperty = Namespace,
        Uid = UidOf(name),
        Generation = 1,
        Labels = new Dictionary<string, string> { ["app.kubernetes.io/instance"] = "argo-app", ["team"] = "a" },
    };
}
