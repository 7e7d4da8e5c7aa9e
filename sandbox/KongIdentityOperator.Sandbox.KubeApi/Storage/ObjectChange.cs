namespace KongIdentityOperator.Sandbox.KubeApi.Storage;

/// <summary>
/// One committed write, kept in the history for watch resume. <paramref name="Previous"/> is the state before the
/// write, so a label-selector watch can turn it into ADDED or DELETED when the object starts or stops matching.
/// </summary>
internal sealed record ObjectChange(long ResourceVersion, string Type, StoredObject Object, StoredObject? Previous);
