namespace KongIdentityOperator.Entities;

/// <summary>CEL rules for Konnect labels (keys 1-63 chars, reserved prefixes, value charset).</summary>
internal static class KonnectLabels
{
    public const string KeysRule =
        "self.all(k, size(k) >= 1 && size(k) <= 63 && !k.startsWith('kong') && !k.startsWith('konnect') && !k.startsWith('mesh') && !k.startsWith('kic') && !k.startsWith('_') && k != 'managed-by' && k != 'k8s-uid')";

    public const string KeysMessage =
        "label keys must be 1-63 characters and must not start with kong, konnect, mesh, kic or _ (managed-by and k8s-uid are set by the operator)";

    public const string ValuesRule = "self.all(k, size(self[k]) <= 63 && self[k].matches('^[a-zA-Z0-9]([a-zA-Z0-9._-]*[a-zA-Z0-9])?$'))";

    public const string ValuesMessage = "label values must be 1-63 characters of letters, digits, '-', '_' or '.', starting and ending with a letter or digit";

    /// <summary>Konnect documents at most 5 labels per object; the operator uses 2 to mark ownership.</summary>
    public const int MaxUserLabels = 3;
}
