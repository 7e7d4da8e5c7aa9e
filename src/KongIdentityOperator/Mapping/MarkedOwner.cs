namespace KongIdentityOperator.Mapping;

/// <summary>
/// The Kubernetes object a Konnect object's marks name. <see cref="NameIsExact"/> is false when the name was too long
/// for a label and only a prefix with a hash was kept: it then cannot be looked up by name.
/// </summary>
internal sealed record MarkedOwner(string Uid, string? Namespace, string? Name, bool NameIsExact)
{
    public bool Names(string? @namespace, string name) =>
        Namespace == @namespace && Name == OwnershipMarkers.NameLabel(name);

    public override string ToString() => Namespace is null ? $"uid {Uid}" : $"{Namespace}/{Name} (uid {Uid})";
}
