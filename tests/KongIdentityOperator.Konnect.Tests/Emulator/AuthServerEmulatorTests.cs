using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Konnect.Paging;
using KongIdentityOperator.Konnect.Tests.Support;

namespace KongIdentityOperator.Konnect.Tests.Emulator;

/// <summary>Auth servers over real HTTP against the Konnect emulator.</summary>
public sealed class AuthServerEmulatorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IAuthServersApi AuthServers => fixture.Client.AuthServers;

    [Fact]
    public async Task Create_get_patch_delete()
    {
        var name = EmulatorFixture.Unique("as");

        var created = await AuthServers.CreateAsync(
            new AuthServerCreate(name, "http://myhttpbin.dev") { Description = "d", Labels = new Dictionary<string, string> { ["env"] = "test", ["team"] = "a" } },
            Ct);
        var fetched = await AuthServers.GetAsync(created.Id, Ct);
        var patched = await AuthServers.PatchAsync(
            created.Id,
            new AuthServerPatch { Description = "changed", SigningAlgorithm = SigningAlgorithms.RS512, Labels = new Dictionary<string, string?> { ["team"] = null } },
            Ct);

        Assert.True(Guid.TryParse(created.Id, out _));
        Assert.Equal(SigningAlgorithms.RS256, created.SigningAlgorithm);
        Assert.StartsWith("http://127.0.0.1:", created.Issuer, StringComparison.Ordinal);
        Assert.Equal(created.Issuer + "/.well-known/openid-configuration", created.MetadataUri);
        Assert.Equal(created.Issuer + "/.well-known/jwks", created.JwksUri);
        Assert.Equal(created, fetched! with { Labels = created.Labels, TrustedOrigins = created.TrustedOrigins });
        Assert.Equal(("changed", SigningAlgorithms.RS512, "http://myhttpbin.dev"), (patched.Description, patched.SigningAlgorithm, patched.Audience));
        Assert.Equal(new Dictionary<string, string> { ["env"] = "test" }, patched.Labels);

        Assert.True(await AuthServers.DeleteAsync(created.Id, force: false, Ct));
        Assert.Null(await AuthServers.GetAsync(created.Id, Ct));
        Assert.False(await AuthServers.DeleteAsync(created.Id, force: false, Ct));
    }

    [Fact]
    public async Task List_filters_and_pages()
    {
        var prefix = EmulatorFixture.Unique("pg");
        foreach (var suffix in new[] { "a", "b", "c" })
        {
            await AuthServers.CreateAsync(new AuthServerCreate($"{prefix}-{suffix}", "aud"), Ct);
        }

        var exact = await AuthServers.ListAsync(new AuthServerListQuery { Name = StringFilter.EqualTo($"{prefix}-b") }, Ct);
        var firstPage = await AuthServers.ListAsync(new AuthServerListQuery { Name = StringFilter.Containing(prefix), PageSize = 2, PageNumber = 1, Sort = "name" }, Ct);
        var secondPage = await AuthServers.ListAsync(new AuthServerListQuery { Name = StringFilter.Containing(prefix), PageSize = 2, PageNumber = 2, Sort = "name" }, Ct);
        var all = await AuthServers.ListAllAsync(new AuthServerListQuery { Name = StringFilter.Containing(prefix), PageSize = 2 }, Ct).ToListAsync(Ct);

        Assert.Equal($"{prefix}-b", Assert.Single(exact.Data).Name);
        Assert.Equal([$"{prefix}-a", $"{prefix}-b"], firstPage.Data.Select(s => s.Name));
        Assert.Equal(new PageInfo(1, 2, 3), firstPage.Meta.Page);
        Assert.Equal([$"{prefix}-c"], secondPage.Data.Select(s => s.Name));
        Assert.Equal([$"{prefix}-a", $"{prefix}-b", $"{prefix}-c"], all.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_duplicate_name_is_a_409_with_a_clean_detail()
    {
        var name = EmulatorFixture.Unique("dup");
        await AuthServers.CreateAsync(new AuthServerCreate(name, "aud"), Ct);

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => AuthServers.CreateAsync(new AuthServerCreate(name, "aud"), Ct));

        Assert.True(error.IsConflict);
        Assert.Contains(name, error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("kong:trace", error.Detail, StringComparison.Ordinal);
        Assert.StartsWith("kong:trace:", error.TraceId, StringComparison.Ordinal);
        Assert.StartsWith("Konnect POST /v1/auth-servers failed: 409 Conflict: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_violations_are_400s_with_invalid_parameters()
    {
        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => AuthServers.CreateAsync(new AuthServerCreate("", "aud") { SigningAlgorithm = "HS256" }, Ct));

        Assert.True(error.IsBadRequest);
        Assert.Contains(error.InvalidParameters, p => p.Field == "name");
        var algorithm = Assert.Single(error.InvalidParameters, p => p.Field == "signing_algorithm");
        Assert.Equal("enum", algorithm.Rule);
        Assert.Contains(SigningAlgorithms.PS512, algorithm.Choices);
    }

    [Fact]
    public async Task Delete_without_force_is_refused_while_children_exist()
    {
        var server = await AuthServers.CreateAsync(new AuthServerCreate(EmulatorFixture.Unique("force"), "aud"), Ct);
        await fixture.Client.Scopes.CreateAsync(server.Id, new ScopeCreate("child"), Ct);

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => AuthServers.DeleteAsync(server.Id, force: false, Ct));

        Assert.True(error.IsBadRequest);
        Assert.False(string.IsNullOrWhiteSpace(error.Detail));
        Assert.True(await AuthServers.DeleteAsync(server.Id, force: true, Ct));
        Assert.Null(await AuthServers.GetAsync(server.Id, Ct));
    }

    [Fact]
    public async Task A_malformed_id_is_rejected_not_mistaken_for_absence()
    {
        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => AuthServers.PatchAsync("not-a-uuid", new AuthServerPatch { Description = "x" }, Ct));

        Assert.True(error.IsBadRequest || error.IsNotFound, error.Message);
        Assert.Equal("/v1/auth-servers/{authServerId}", error.Route);
    }

    [Fact]
    public async Task An_unknown_token_is_a_401_whose_message_hides_the_token()
    {
        const string wrong = "kpat_not_accepted_by_the_emulator";

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => fixture.Host.Client(wrong).AuthServers.ListAsync(null, Ct));

        Assert.True(error.IsUnauthorized);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.Equal("/v1/auth-servers", error.Route);
    }
}
