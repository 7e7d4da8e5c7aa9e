using KongIdentityOperator.Sandbox.Konnect.Http;
using KongIdentityOperator.Sandbox.Konnect.State;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>Claim operations; <c>include_in_scopes</c> must name scopes of the same auth server (400 <c>missing_reference</c>).</summary>
internal sealed class ClaimService(EmulatorStore store)
{
    public Claim Create(Guid authServerId, ClaimChanges changes)
    {
        lock (store.Gate)
        {
            var node = store.RequireAuthServer(authServerId);
            EnsureScopesExist(node, changes);
            var now = store.Now;
            var claim = new Claim(
                Guid.NewGuid(),
                store.NextSequence(),
                changes.Name!,
                changes.Value!,
                changes.IncludeInToken ?? false,
                changes.IncludeInAllScopes ?? false,
                changes.IncludeInScopes ?? [],
                changes.Enabled ?? true,
                now,
                now);
            node.Claims[claim.Id] = claim;
            return claim;
        }
    }

    public Claim Get(Guid authServerId, Guid claimId)
    {
        lock (store.Gate)
        {
            return store.RequireAuthServer(authServerId).RequireClaim(claimId);
        }
    }

    public IReadOnlyList<Claim> List(Guid authServerId)
    {
        lock (store.Gate)
        {
            return store.RequireAuthServer(authServerId).Claims.Values.OrderBy(c => c.Sequence).ToList();
        }
    }

    public Claim Update(Guid authServerId, Guid claimId, ClaimChanges changes)
    {
        lock (store.Gate)
        {
            var node = store.RequireAuthServer(authServerId);
            var current = node.RequireClaim(claimId);
            EnsureScopesExist(node, changes);
            var updated = current with
            {
                Name = changes.Name ?? current.Name,
                Value = changes.Value ?? current.Value,
                IncludeInToken = changes.IncludeInToken ?? current.IncludeInToken,
                IncludeInAllScopes = changes.IncludeInAllScopes ?? current.IncludeInAllScopes,
                IncludeInScopes = changes.IncludeInScopes ?? current.IncludeInScopes,
                Enabled = changes.Enabled ?? current.Enabled,
                UpdatedAt = store.Now,
            };
            node.Claims[claimId] = updated;
            return updated;
        }
    }

    public void Delete(Guid authServerId, Guid claimId)
    {
        lock (store.Gate)
        {
            var node = store.RequireAuthServer(authServerId);
            node.RequireClaim(claimId);
            node.Claims.Remove(claimId);
        }
    }

    private static void EnsureScopesExist(AuthServerNode node, ClaimChanges changes)
    {
        var missing = node.MissingScopes("include_in_scopes", changes.IncludeInScopes ?? []);
        if (missing.Count > 0)
        {
            throw ProblemException.BadRequest("Claim references scopes that do not exist", missing);
        }
    }
}
