using KongIdentityOperator.Sandbox.Konnect.Http;
using KongIdentityOperator.Sandbox.Konnect.State;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>Node lookups that end the call with a 404 problem. Call with the store's gate held.</summary>
internal static class IdentityLookups
{
    public static AuthServerNode RequireAuthServer(this EmulatorStore store, Guid id) =>
        store.AuthServers.TryGetValue(id, out var node) ? node : throw ProblemException.NotFound("Auth server not found");

    public static ClientNode RequireClient(this AuthServerNode node, string clientId) =>
        node.Clients.TryGetValue(clientId, out var client) ? client : throw ProblemException.NotFound("Client not found");

    public static Scope RequireScope(this AuthServerNode node, Guid id) =>
        node.Scopes.TryGetValue(id, out var scope) ? scope : throw ProblemException.NotFound("Scope not found");

    public static Claim RequireClaim(this AuthServerNode node, Guid id) =>
        node.Claims.TryGetValue(id, out var claim) ? claim : throw ProblemException.NotFound("Claim not found");

    /// <summary>Scope ids that do not exist in this auth server, as 400 <c>missing_reference</c> entries.</summary>
    public static List<InvalidParameter> MissingScopes(this AuthServerNode node, string field, IEnumerable<Guid> scopeIds) =>
        scopeIds.Select((id, index) => (id, index))
            .Where(item => !node.Scopes.ContainsKey(item.id))
            .Select(item => InvalidParameter.MissingReference($"{field}[{item.index}]", $"scope {item.id}"))
            .ToList();
}
