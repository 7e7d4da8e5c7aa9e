namespace KongIdentityOperator.Sandbox.KubeApi.Patching;

/// <summary>
/// The patch merge keys of the built-in types kubectl patches (the <c>patchMergeKey</c> struct tags of
/// k8s.io/api): a list under one of these fields merges element by element instead of being replaced.
/// </summary>
internal static class PatchMergeKeys
{
    private static readonly Dictionary<string, string> KeysByField = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["imagePullSecrets"] = "name",
        ["conditions"] = "type",
        ["ownerReferences"] = "uid",
        ["hostAliases"] = "ip",
        ["topologySpreadConstraints"] = "topologyKey",
        ["resourceClaims"] = "name",
        ["secrets"] = "name",
    };

    /// <summary>Lists of scalars with <c>patchStrategy:"merge"</c>: patch values are added to the existing ones.</summary>
    private static readonly HashSet<string> MergedScalarLists = new(StringComparer.Ordinal) { "metadata.finalizers" };

    /// <summary>The merge key for the list at <paramref name="path"/> (dot-separated field names), if any.</summary>
    public static string? For(string path)
    {
        var field = path[(path.LastIndexOf('.') + 1)..];
        if (field == "ports")
        {
            // Container ports merge on containerPort; Service ports on port.
            return path.Contains("ontainers.", StringComparison.Ordinal) ? "containerPort" : "port";
        }

        return KeysByField.GetValueOrDefault(field);
    }

    public static bool MergesScalars(string path) => MergedScalarLists.Contains(path);
}
