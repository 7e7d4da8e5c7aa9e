namespace KongIdentityOperator.Entities;

/// <summary>The five kinds, in dependency order (a kind's references point to kinds before it).</summary>
public static class EntityTypes
{
    public static IReadOnlyList<Type> All { get; } =
        [typeof(AuthServer), typeof(Scope), typeof(Claim), typeof(Client), typeof(UpstreamOAuthPolicy)];
}
