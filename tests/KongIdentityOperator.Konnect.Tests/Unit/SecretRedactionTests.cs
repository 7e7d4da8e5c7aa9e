using System.Text.Json.Nodes;
using KongIdentityOperator.Konnect.CoreEntities;
using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Identity;

namespace KongIdentityOperator.Konnect.Tests.Unit;

public sealed class SecretRedactionTests
{
    private const string Secret = "s3cr3t-value-that-must-not-leak";

    [Fact]
    public void Dtos_holding_secrets_do_not_print_them()
    {
        var client = new Client { Id = "id", Name = "n" };
        object[] values =
        [
            new ClientUpsert("n", Secret, [GrantTypes.ClientCredentials], [ResponseTypes.Token]),
            new ClientPatch { ClientSecret = Secret },
            new CreatedClient(client, Secret),
            new ClientSecret { Id = "x", Secret = Secret },
            new ClientSecretCreate { Secret = Secret },
            new PluginUpsert("upstream-oauth") { Config = JsonNode.Parse($$$"""{"oauth":{"client_secret":"{{{Secret}}}"}}""")!.AsObject() },
            new Plugin { Id = "p", Name = "upstream-oauth", Config = JsonNode.Parse($$$"""{"oauth":{"client_secret":"{{{Secret}}}"}}""")!.AsObject() },
        ];

        foreach (var value in values)
        {
            var text = value.ToString()!;
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.Contains(value.GetType().Name, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Secret_fields_of_a_json_body_are_found()
    {
        var found = SecretFields.Collect("""
            {"name":"n","client_secret":"a1b2c3","config":{"oauth":{"client_secret":"nested-1","password":"pw-123","token_endpoint":"https://x"}},
             "access_token_duration":300,"secret":"rot-456"}
            """u8);

        Assert.Equal(["a1b2c3", "nested-1", "pw-123", "rot-456"], found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scrubber_masks_secrets_and_strips_trace_ids()
    {
        var scrubber = new TextScrubber(["abcd-secret", "xy"]);

        Assert.Equal("bad secret *** (xy kept: too short to mask)", scrubber.Clean("bad secret abcd-secret (xy kept: too short to mask)"));
        Assert.Equal("Not found", scrubber.Clean("Not found (kong:trace:6816496025408232265)"));
        Assert.Equal("Conflict here", scrubber.Clean("Conflict kong:trace:123 here"));
        Assert.Null(scrubber.Clean("kong:trace:42"));
        Assert.Equal("kong:trace:42", TextScrubber.FindTraceId("instance kong:trace:42"));
    }
}
