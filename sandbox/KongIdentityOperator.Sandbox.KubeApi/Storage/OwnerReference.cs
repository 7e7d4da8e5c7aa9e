namespace KongIdentityOperator.Sandbox.KubeApi.Storage;

/// <summary>The parts of <c>metadata.ownerReferences[]</c> the garbage collector needs.</summary>
internal sealed record OwnerReference(string ApiVersion, string Kind, string Name, string Uid, bool BlockOwnerDeletion);
