using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Konnect.Paging;
using KongIdentityOperator.Konnect.Tests.Support;

namespace KongIdentityOperator.Konnect.Tests.Emulator;

/// <summary>Scopes and claims over real HTTP against the Konnect emulator.</summary>
public sealed class ScopeAndClaimEmulatorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<AuthServer> NewAuthServerAsync() =>
        await fixture.Client.AuthServers.CreateAsync(new AuthServerCreate(EmulatorFixture.Unique("sc"), "aud"), Ct);

    [Fact]
    public async Task Scope_lifecycle_with_filters_and_paging()
    {
        var server = await NewAuthServerAsync();
        var scopes = fixture.Client.Scopes;

        var created = await scopes.CreateAsync(server.Id, new ScopeCreate("my-scope") { Description = "d", Default = true }, Ct);
        await scopes.CreateAsync(server.Id, new ScopeCreate("other-scope"), Ct);
        await scopes.CreateAsync(server.Id, new ScopeCreate("third"), Ct);
        var byName = await scopes.ListAsync(server.Id, new ScopeListQuery { Name = StringFilter.EqualTo("my-scope") }, Ct);
        var byId = await scopes.ListAsync(server.Id, new ScopeListQuery { Id = created.Id }, Ct);
        var page = await scopes.ListAsync(server.Id, new ScopeListQuery { PageSize = 2, PageNumber = 2, Sort = "name" }, Ct);
        var all = await scopes.ListAllAsync(server.Id, new ScopeListQuery { PageSize = 1 }, Ct).ToListAsync(Ct);
        var patched = await scopes.PatchAsync(server.Id, created.Id, new ScopePatch { Enabled = false, IncludeInMetadata = true }, Ct);

        Assert.Equal(("my-scope", "d", true, false, true), (created.Name, created.Description, created.Default, created.IncludeInMetadata, created.Enabled));
        Assert.Equal(created.Id, Assert.Single(byName.Data).Id);
        Assert.Equal(created.Id, Assert.Single(byId.Data).Id);
        Assert.Equal(["third"], page.Data.Select(s => s.Name));
        Assert.Equal(3, page.Meta.Page.Total);
        Assert.Equal(3, all.Count);
        Assert.Equal((false, true, true), (patched.Enabled, patched.IncludeInMetadata, patched.Default));
        Assert.Equal(patched, await scopes.GetAsync(server.Id, created.Id, Ct));
        Assert.True(await scopes.DeleteAsync(server.Id, created.Id, Ct));
        Assert.Null(await scopes.GetAsync(server.Id, created.Id, Ct));
        Assert.False(await scopes.DeleteAsync(server.Id, created.Id, Ct));
    }

    [Fact]
    public async Task Duplicate_scope_names_conflict()
    {
        var server = await NewAuthServerAsync();
        await fixture.Client.Scopes.CreateAsync(server.Id, new ScopeCreate("same"), Ct);

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => fixture.Client.Scopes.CreateAsync(server.Id, new ScopeCreate("same"), Ct));

        Assert.True(error.IsConflict);
    }

    [Fact]
    public async Task Scopes_of_a_missing_auth_server_are_not_found()
    {
        var missing = Guid.NewGuid().ToString();

        Assert.Null(await fixture.Client.Scopes.GetAsync(missing, Guid.NewGuid().ToString(), Ct));
        var error = await Assert.ThrowsAsync<KonnectApiException>(() => fixture.Client.Scopes.CreateAsync(missing, new ScopeCreate("s"), Ct));
        Assert.True(error.IsNotFound);
    }

    [Fact]
    public async Task Claim_lifecycle_with_scope_references()
    {
        var server = await NewAuthServerAsync();
        var scope = await fixture.Client.Scopes.CreateAsync(server.Id, new ScopeCreate("my-scope"), Ct);
        var claims = fixture.Client.Claims;

        var created = await claims.CreateAsync(
            server.Id, new ClaimCreate("test-claim", "test") { IncludeInToken = true, IncludeInScopes = [scope.Id] }, Ct);
        var listed = await claims.ListAsync(server.Id, new ClaimListQuery { Name = StringFilter.EqualTo("test-claim") }, Ct);
        var patched = await claims.PatchAsync(
            server.Id, created.Id, new ClaimPatch { Value = "${ .Client.Name }", IncludeInAllScopes = true, IncludeInScopes = [] }, Ct);
        var all = await claims.ListAllAsync(server.Id, null, Ct).ToListAsync(Ct);

        Assert.Equal(("test-claim", "test", true, false, true), (created.Name, created.Value, created.IncludeInToken, created.IncludeInAllScopes, created.Enabled));
        Assert.Equal([scope.Id], created.IncludeInScopes);
        Assert.Equal(created.Id, Assert.Single(listed.Data).Id);
        Assert.Equal(("${ .Client.Name }", true), (patched.Value, patched.IncludeInAllScopes));
        Assert.Empty(patched.IncludeInScopes);
        Assert.Single(all);
        Assert.True(await claims.DeleteAsync(server.Id, created.Id, Ct));
        Assert.Null(await claims.GetAsync(server.Id, created.Id, Ct));
    }

    [Fact]
    public async Task Deleting_a_scope_removes_it_from_claims()
    {
        var server = await NewAuthServerAsync();
        var scope = await fixture.Client.Scopes.CreateAsync(server.Id, new ScopeCreate("gone"), Ct);
        var claim = await fixture.Client.Claims.CreateAsync(server.Id, new ClaimCreate("c", "v") { IncludeInScopes = [scope.Id] }, Ct);

        await fixture.Client.Scopes.DeleteAsync(server.Id, scope.Id, Ct);

        Assert.Empty((await fixture.Client.Claims.GetAsync(server.Id, claim.Id, Ct))!.IncludeInScopes);
    }

    [Fact]
    public async Task Claim_referencing_bad_scope_ids_is_rejected_per_item()
    {
        var server = await NewAuthServerAsync();

        var malformed = await Assert.ThrowsAsync<KonnectApiException>(
            () => fixture.Client.Claims.CreateAsync(server.Id, new ClaimCreate("c", "v") { IncludeInScopes = ["not-a-uuid"] }, Ct));
        var unknown = await Assert.ThrowsAsync<KonnectApiException>(
            () => fixture.Client.Claims.CreateAsync(server.Id, new ClaimCreate("c", "v") { IncludeInScopes = [Guid.NewGuid().ToString()] }, Ct));
        var missingValue = await Assert.ThrowsAsync<KonnectApiException>(
            () => fixture.Client.Claims.CreateAsync(server.Id, new ClaimCreate("c", ""), Ct));

        Assert.Equal("is_uuid", Assert.Single(malformed.InvalidParameters).Rule);
        Assert.Equal("missing_reference", Assert.Single(unknown.InvalidParameters).Rule);
        Assert.Equal("value", Assert.Single(missingValue.InvalidParameters).Field);
    }
}
