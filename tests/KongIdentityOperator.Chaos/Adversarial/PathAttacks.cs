using System.Net;
using KongIdentityOperator.Chaos.BadInput;

namespace KongIdentityOperator.Chaos.Adversarial;

/// <summary>Ids and names that would walk a Konnect URL path elsewhere are refused before anything is stored.</summary>
[Collection(AdversarialCollection.Name)]
public sealed class PathAttacks(AdversarialWorld world)
{
    public static TheoryData<string, string, string> Manifests() => new()
    {
        { "AuthServer adopt.id ..", Manifest.Of("AuthServer", "walk", "{audience: a, adopt: {id: '..'}}"), "spec.adopt.id" },
        { "AuthServer adopt.id ../<uuid>", Manifest.Of("AuthServer", "walk", "{audience: a, adopt: {id: '../0f1e2d3c-4b5a-4969-8877-66554433221'}}"), "spec.adopt.id" },
        { "Scope adopt.id with a slash", Manifest.Of("Scope", "walk", "{authServerRef: {name: own}, adopt: {id: '0f1e2d3c-4b5a-4969-8877-665544332211/..'}}"), "spec.adopt.id" },
        { "Claim adopt.id .", Manifest.Of("Claim", "walk", "{authServerRef: {name: own}, name: c, value: v, adopt: {id: '.'}}"), "spec.adopt.id" },
        { "Client adopt.id ..", Manifest.Of("Client", "walk", "{authServerRef: {name: own}, adopt: {id: '..'}}"), "spec.adopt.id" },
        { "Client adopt.id a/b", Manifest.Of("Client", "walk", "{authServerRef: {name: own}, adopt: {id: 'a/b'}}"), "spec.adopt.id" },
        { "Client clientID ../..", Manifest.Of("Client", "walk", "{authServerRef: {name: own}, clientID: '../..'}"), "spec.clientID" },
        { "Policy adopt.id ..", Manifest.Of("UpstreamOAuthPolicy", "walk", "{controlPlaneRef: {name: quickstart}, clientRef: {name: app}, adopt: {id: '..'}}"), "spec.adopt.id" },
        { "Policy control plane id ..", Manifest.Of("UpstreamOAuthPolicy", "walk", "{controlPlaneRef: {id: '..'}, clientRef: {name: app}}"), "spec.controlPlaneRef.id" },
        { "Policy control plane name ..", Manifest.Of("UpstreamOAuthPolicy", "walk", "{controlPlaneRef: {name: '..'}, clientRef: {name: app}}"), "spec.controlPlaneRef.name" },
        { "Policy service name ..", Manifest.Of("UpstreamOAuthPolicy", "walk", "{controlPlaneRef: {name: quickstart}, clientRef: {name: app}, target: {service: {name: '..'}}}"), "spec.target.service.name" },
        { "Policy route name ../plugins", Manifest.Of("UpstreamOAuthPolicy", "walk", "{controlPlaneRef: {name: quickstart}, clientRef: {name: app}, target: {route: {name: '../plugins'}}}"), "spec.target.route.name" },
        { "Policy route name %2e%2e", Manifest.Of("UpstreamOAuthPolicy", "walk", "{controlPlaneRef: {name: quickstart}, clientRef: {name: app}, target: {route: {name: '%2e%2e'}}}"), "spec.target.route.name" },
        { "Policy service id x/..", Manifest.Of("UpstreamOAuthPolicy", "walk", "{controlPlaneRef: {name: quickstart}, clientRef: {name: app}, target: {service: {id: 'x/..'}}}"), "spec.target.service.id" },
    };

    [Theory]
    [MemberData(nameof(Manifests))]
    public async Task An_id_or_name_that_would_leave_its_url_path_segment_is_refused_at_admission(string attack, string yaml, string field)
    {
        var attacker = await world.AttackerAsync("path");

        var (status, message) = await world.PostAsync(yaml, attacker.Namespace);

        Assert.True(status == HttpStatusCode.UnprocessableEntity, $"{attack}: {(int)status} {message}");
        Assert.Contains(field, message, StringComparison.Ordinal);
        Assert.Empty(world.CallsWith(attacker.Token));
    }
}
