namespace KongIdentityOperator.Konnect.ControlPlanes;

/// <summary>Values of a control plane's <c>config.cluster_type</c>.</summary>
public static class ClusterTypes
{
    public const string ControlPlane = "CLUSTER_TYPE_CONTROL_PLANE";
    public const string KubernetesIngressController = "CLUSTER_TYPE_K8S_INGRESS_CONTROLLER";
    public const string ControlPlaneGroup = "CLUSTER_TYPE_CONTROL_PLANE_GROUP";
    public const string Serverless = "CLUSTER_TYPE_SERVERLESS";
}
