namespace KongIdentityOperator.Entities;

/// <summary>CEL rules for Konnect labels (keys 1-63 chars, reserved prefixes, value charset).</summary>
internal static class KonnectLabels
{
    public const string KeysRule =
        "self.all(k, size(k) >= 1 && size(k) <= 63 && !k.startsWith('kong') && !k.startsWith('konnect') && !k.startsWith('mesh') && !k.startsWith('kic') && !k.startsWith('_') && !k.startsWith('k8s-') && k != 'managed-by')";

    public const string KeysMessage =
        "label keys must be 1-63 characters and must not start with kong, konnect, mesh, kic or _ (k8s-* and managed-by are the operator's ownership marks)";

    public const string ValuesRule = "self.all(k, size(self[k]) <= 63 && self[k].matches('^[a-zA-Z0-9]([a-zA-Z0-9._-]*[a-zA-Z0-9])?$'))";

    public const string ValuesMessage = "label values must be 1-63 characters of letters, digits, '-', '_' or '.', starting and ending with a letter or digit";

    /// <summary>Konnect documents at most 5 labels per object; the operator uses 3 to mark ownership (uid, namespace, name).</summary>
    public const int MaxUserLabels = 2;
}
