namespace KongIdentityOperator.Sandbox.Konnect.ControlPlanes;

/// <summary>Enumerations and limits of the control-planes v2 schema.</summary>
internal static class ControlPlaneRules
{
    public const string DefaultClusterType = "CLUSTER_TYPE_CONTROL_PLANE";

    public const string KubernetesIngressController = "CLUSTER_TYPE_K8S_INGRESS_CONTROLLER";

    public const int MaxProxyUrls = 5;

    public static readonly IReadOnlyList<string> ClusterTypes =
    [
        DefaultClusterType,
        KubernetesIngressController,
        "CLUSTER_TYPE_CONTROL_PLANE_GROUP",
        "CLUSTER_TYPE_SERVERLESS",
        "CLUSTER_TYPE_KAFKA_NATIVE_EVENT_PROXY",
        "CLUSTER_TYPE_SERVERLESS_V1",
    ];

    public static readonly IReadOnlyList<string> AuthTypes = ["pinned_client_certs", "pki_client_certs"];
}
