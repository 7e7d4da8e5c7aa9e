namespace KongIdentityOperator.Entities;

/// <summary>API group, version and category of the five kinds.</summary>
public static class EntityGroup
{
    public const string Group = "identity.konghq.com";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Group + "/" + Version;
    public const string Category = "kong-identity";
}
