namespace KongIdentityOperator.Runtime.Entities;

/// <summary>Whether a kind lives in a namespace or in the cluster.</summary>
public enum EntityScope
{
    Namespaced,
    Cluster,
}
