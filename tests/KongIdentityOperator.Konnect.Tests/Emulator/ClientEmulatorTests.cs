using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Konnect.Paging;
using KongIdentityOperator.Konnect.Tests.Support;

namespace KongIdentityOperator.Konnect.Tests.Emulator;

/// <summary>Clients and client secrets over real HTTP against the Konnect emulator.</summary>
public sealed class ClientEmulatorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IClientsApi Clients => fixture.Client.Clients;

    private async Task<AuthServer> NewAuthServerAsync() =>
        await fixture.Client.AuthServers.CreateAsync(new AuthServerCreate(EmulatorFixture.Unique("cl"), "aud"), Ct);

    private static ClientUpsert M2m(string name, string secret) =>
        new(name, secret, [GrantTypes.ClientCredentials], [ResponseTypes.Token]) { AccessTokenDuration = 3600 };

    [Fact]
    public async Task Put_upsert_creates_then_replaces_with_the_chosen_id_and_secret()
    {
        var server = await NewAuthServerAsync();
        var scope = await fixture.Client.Scopes.CreateAsync(server.Id, new ScopeCreate("my-scope"), Ct);

        var first = await Clients.UpsertAsync(server.Id, "default-m2m", M2m("m2m", "first-secret-0123456789") with { AllowScopes = [scope.Id] }, Ct);
        var second = await Clients.UpsertAsync(server.Id, "default-m2m", M2m("m2m", "second-secret-0123456789"), Ct);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(("default-m2m", 3600), (first.Client.Id, first.Client.AccessTokenDuration));
        Assert.Equal([scope.Id], first.Client.AllowScopes);
        Assert.Empty(second.Client.AllowScopes);
        Assert.Equal(TokenEndpointAuthMethods.ClientSecretPost, second.Client.TokenEndpointAuthMethod);
        Assert.True(fixture.Host.Emulator.VerifyClientSecret(server.Id, "default-m2m", "second-secret-0123456789"));
        Assert.False(fixture.Host.Emulator.VerifyClientSecret(server.Id, "default-m2m", "first-secret-0123456789"));
        Assert.Single(fixture.Host.Emulator.Snapshot().AuthServers.Single(a => a.Id == server.Id).Clients);
    }

    [Fact]
    public async Task Post_create_returns_the_secret_once_and_get_list_patch_delete_work()
    {
        var server = await NewAuthServerAsync();

        var created = await Clients.CreateAsync(server.Id, new ClientCreate("generated", [GrantTypes.ClientCredentials], [ResponseTypes.Token]), Ct);
        var fetched = await Clients.GetAsync(server.Id, created.Client.Id, Ct);
        var byName = await Clients.ListAsync(server.Id, new ClientListQuery { Name = StringFilter.EqualTo("generated") }, Ct);
        var patched = await Clients.PatchAsync(
            server.Id, created.Client.Id, new ClientPatch { AccessTokenDuration = 600, Labels = new Dictionary<string, string?> { ["owner"] = "ops" } }, Ct);

        Assert.False(string.IsNullOrEmpty(created.ClientSecret));
        Assert.True(fixture.Host.Emulator.VerifyClientSecret(server.Id, created.Client.Id, created.ClientSecret));
        Assert.Equal(created.Client, fetched! with { Labels = created.Client.Labels, GrantTypes = created.Client.GrantTypes, ResponseTypes = created.Client.ResponseTypes, RedirectUris = created.Client.RedirectUris, AllowScopes = created.Client.AllowScopes });
        Assert.Equal(300, created.Client.AccessTokenDuration);
        Assert.Equal(created.Client.Id, Assert.Single(byName.Data).Id);
        Assert.Equal((600, "ops"), (patched.AccessTokenDuration, patched.Labels["owner"]));

        Assert.True(await Clients.DeleteAsync(server.Id, created.Client.Id, Ct));
        Assert.Null(await Clients.GetAsync(server.Id, created.Client.Id, Ct));
        Assert.False(await Clients.DeleteAsync(server.Id, created.Client.Id, Ct));
    }

    [Fact]
    public async Task Patch_with_a_client_secret_sets_it()
    {
        var server = await NewAuthServerAsync();
        await Clients.UpsertAsync(server.Id, "rotate-me", M2m("rotate", "old-secret-0123456789"), Ct);

        await Clients.PatchAsync(server.Id, "rotate-me", new ClientPatch { ClientSecret = "new-secret-0123456789" }, Ct);

        Assert.True(fixture.Host.Emulator.VerifyClientSecret(server.Id, "rotate-me", "new-secret-0123456789"));
    }

    [Fact]
    public async Task List_all_walks_every_page()
    {
        var server = await NewAuthServerAsync();
        for (var i = 0; i < 5; i++)
        {
            await Clients.UpsertAsync(server.Id, $"c{i}", M2m($"client-{i}", $"secret-{i}-0123456789"), Ct);
        }

        var all = await Clients.ListAllAsync(server.Id, new ClientListQuery { PageSize = 2 }, Ct).ToListAsync(Ct);
        var byId = await Clients.ListAsync(server.Id, new ClientListQuery { Id = "c3" }, Ct);

        Assert.Equal(["c0", "c1", "c2", "c3", "c4"], all.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal("client-3", Assert.Single(byId.Data).Name);
    }

    [Fact]
    public async Task Duplicate_client_names_conflict()
    {
        var server = await NewAuthServerAsync();
        await Clients.UpsertAsync(server.Id, "one", M2m("same-name", "secret-1-0123456789"), Ct);

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => Clients.UpsertAsync(server.Id, "two", M2m("same-name", "secret-2-0123456789"), Ct));

        Assert.True(error.IsConflict);
        Assert.True(error.IsUniquenessViolation);
    }

    [Fact]
    public async Task Validation_errors_name_field_rule_and_bounds_and_never_the_secret()
    {
        var server = await NewAuthServerAsync();
        const string secret = "do-not-echo-this-secret-0123";

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => Clients.UpsertAsync(
            server.Id,
            "bad",
            new ClientUpsert("bad", secret, ["password"], [ResponseTypes.Token]) { AccessTokenDuration = 30, IdTokenDuration = 3_000_000 },
            Ct));

        Assert.True(error.IsBadRequest);
        var grant = Assert.Single(error.InvalidParameters, p => p.Field.StartsWith("grant_types", StringComparison.Ordinal));
        Assert.Equal("enum", grant.Rule);
        Assert.Contains(GrantTypes.ClientCredentials, grant.Choices);
        Assert.Equal(60, Assert.Single(error.InvalidParameters, p => p.Field == "access_token_duration").Minimum);
        Assert.Equal(2_592_000, Assert.Single(error.InvalidParameters, p => p.Field == "id_token_duration").Maximum);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_id_must_match_the_pattern()
    {
        var server = await NewAuthServerAsync();

        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => Clients.UpsertAsync(server.Id, "not valid!", M2m("x", "secret-0123456789"), Ct));

        Assert.True(error.IsBadRequest);
    }

    [Fact]
    public async Task Clients_of_a_missing_auth_server_are_not_found()
    {
        var missing = Guid.NewGuid().ToString();

        Assert.Null(await Clients.GetAsync(missing, "c", Ct));
        var error = await Assert.ThrowsAsync<KonnectApiException>(() => Clients.UpsertAsync(missing, "c", M2m("x", "secret-0123456789"), Ct));
        Assert.True(error.IsNotFound);
    }

    [Fact]
    public async Task Client_secrets_rotate_with_at_most_two_enabled()
    {
        var server = await NewAuthServerAsync();
        var created = await Clients.CreateAsync(server.Id, new ClientCreate("rot", [GrantTypes.ClientCredentials], [ResponseTypes.Token]), Ct);
        var secrets = fixture.Client.ClientSecrets;
        var before = await secrets.ListAllAsync(server.Id, created.Client.Id, null, Ct).ToListAsync(Ct);

        var added = await secrets.CreateAsync(server.Id, created.Client.Id, new ClientSecretCreate { Secret = "added-secret-0123456789" }, Ct);
        var third = await Assert.ThrowsAsync<KonnectApiException>(() => secrets.CreateAsync(server.Id, created.Client.Id, new ClientSecretCreate(), Ct));
        var fetched = await secrets.GetAsync(server.Id, created.Client.Id, added.Id, Ct);
        var disabled = await secrets.PatchAsync(server.Id, created.Client.Id, added.Id, new ClientSecretPatch(false), Ct);
        var enabledOnly = await secrets.ListAsync(server.Id, created.Client.Id, new ClientSecretListQuery { Enabled = true }, Ct);
        var generated = await secrets.CreateAsync(server.Id, created.Client.Id, new ClientSecretCreate(), Ct);

        Assert.Equal("added-secret-0123456789", added.Secret);
        Assert.True(fixture.Host.Emulator.VerifyClientSecret(server.Id, created.Client.Id, "added-secret-0123456789") || before.Count > 0);
        Assert.True(third.IsForbidden, third.Message);
        Assert.Null(fetched!.Secret);
        Assert.False(disabled.Enabled);
        Assert.DoesNotContain(enabledOnly.Data, s => s.Id == added.Id);
        Assert.False(string.IsNullOrEmpty(generated.Secret));
        Assert.True(await secrets.DeleteAsync(server.Id, created.Client.Id, added.Id, Ct));
        Assert.Null(await secrets.GetAsync(server.Id, created.Client.Id, added.Id, Ct));
        Assert.False(await secrets.DeleteAsync(server.Id, created.Client.Id, added.Id, Ct));
    }
}
