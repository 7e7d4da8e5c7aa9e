namespace KongIdentityOperator.Sandbox.KubeApi.Registry;

/// <summary>
/// The table of built-in kinds the sandbox serves: the ones operators and installs touch. Kinds with no special
/// behaviour are stored as plain objects; only namespaces, CRDs and events get extra semantics.
/// </summary>
internal static class BuiltInResources
{
    public static readonly ResourceDefinition Namespaces =
        Core("Namespace", "namespaces", namespaced: false, ["ns"]) with
        {
            HasStatusSubresource = true,
            NameRule = NameRule.Label,
            PrinterColumns = [new("Status", "string", ".status.phase")],
        };

    public static readonly ResourceDefinition Secrets =
        Core("Secret", "secrets", namespaced: true, []) with
        {
            PrinterColumns = [new("Type", "string", ".type"), new("Data", "integer", ".data")],
        };

    public static readonly ResourceDefinition ConfigMaps =
        Core("ConfigMap", "configmaps", namespaced: true, ["cm"]) with { PrinterColumns = [new("Data", "integer", ".data")] };

    public static readonly ResourceDefinition CoreEvents =
        Core("Event", "events", namespaced: true, ["ev"]) with
        {
            PrinterColumns =
            [
                new("Type", "string", ".type"),
                new("Reason", "string", ".reason"),
                new("Object", "string", ".involvedObject.name"),
                new("Message", "string", ".message"),
            ],
        };

    public static readonly ResourceDefinition CustomResourceDefinitions =
        new ResourceDefinition(
            "apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions",
            "customresourcedefinition", Namespaced: false, ["crd", "crds"])
        {
            HasStatusSubresource = true,
            TracksGeneration = true,
            PrinterColumns = [new("Created At", "string", ".metadata.creationTimestamp")],
            ShowsAge = false,
        };

    public static readonly ResourceDefinition Leases =
        new("coordination.k8s.io", "v1", "Lease", "leases", "lease", Namespaced: true, [])
        {
            PrinterColumns = [new("Holder", "string", ".spec.holderIdentity")],
        };

    public static readonly ResourceDefinition Deployments =
        Apps("Deployment", "deployments", ["deploy"]) with
        {
            PrinterColumns =
            [
                new("Ready", "string", ".status.readyReplicas"),
                new("Up-to-date", "integer", ".status.updatedReplicas"),
                new("Available", "integer", ".status.availableReplicas"),
            ],
        };

    public static IReadOnlyList<ResourceDefinition> All { get; } =
    [
        Namespaces,
        Secrets,
        ConfigMaps,
        CoreEvents,
        Core("ServiceAccount", "serviceaccounts", namespaced: true, ["sa"]),
        Core("Service", "services", namespaced: true, ["svc"]) with
        {
            HasStatusSubresource = true,
            Categories = ["all"],
            PrinterColumns = [new("Type", "string", ".spec.type"), new("Cluster-IP", "string", ".spec.clusterIP")],
        },
        Core("Pod", "pods", namespaced: true, ["po"]) with
        {
            HasStatusSubresource = true,
            Categories = ["all"],
            PrinterColumns = [new("Status", "string", ".status.phase")],
        },
        Core("Endpoints", "endpoints", namespaced: true, ["ep"]) with { Singular = "endpoints" },
        Core("PersistentVolumeClaim", "persistentvolumeclaims", namespaced: true, ["pvc"]) with { HasStatusSubresource = true },
        Core("Node", "nodes", namespaced: false, ["no"]) with { HasStatusSubresource = true },
        Deployments,
        Apps("StatefulSet", "statefulsets", ["sts"]),
        Apps("DaemonSet", "daemonsets", ["ds"]),
        Apps("ReplicaSet", "replicasets", ["rs"]),
        Workload("batch", "Job", "jobs", []),
        Workload("batch", "CronJob", "cronjobs", ["cj"]),
        new("events.k8s.io", "v1", "Event", "events", "event", Namespaced: true, ["ev"])
        {
            Conversion = EventConversion.Conversion,
            PrinterColumns = [new("Type", "string", ".type"), new("Reason", "string", ".reason"), new("Note", "string", ".note")],
        },
        Leases,
        Rbac("Role", "roles", namespaced: true),
        Rbac("RoleBinding", "rolebindings", namespaced: true),
        Rbac("ClusterRole", "clusterroles", namespaced: false),
        Rbac("ClusterRoleBinding", "clusterrolebindings", namespaced: false),
        CustomResourceDefinitions,
        Workload("networking.k8s.io", "Ingress", "ingresses", ["ing"]) with { Categories = [] },
        Workload("networking.k8s.io", "NetworkPolicy", "networkpolicies", ["netpol"]) with { Categories = [], HasStatusSubresource = false },
        Workload("policy", "PodDisruptionBudget", "poddisruptionbudgets", ["pdb"]) with { Categories = [] },
        Workload("autoscaling", "HorizontalPodAutoscaler", "horizontalpodautoscalers", ["hpa"]) with { Version = "v2", Categories = ["all"] },
        new("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations",
            "validatingwebhookconfiguration", Namespaced: false, []) { TracksGeneration = true },
        new("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations",
            "mutatingwebhookconfiguration", Namespaced: false, []) { TracksGeneration = true },
        new("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", "priorityclass", Namespaced: false, ["pc"]),
    ];

    private static ResourceDefinition Core(string kind, string plural, bool namespaced, IReadOnlyList<string> shortNames) =>
        new(string.Empty, "v1", kind, plural, kind.ToLowerInvariant(), namespaced, shortNames);

    private static ResourceDefinition Apps(string kind, string plural, IReadOnlyList<string> shortNames) =>
        Workload("apps", kind, plural, shortNames);

    private static ResourceDefinition Workload(string group, string kind, string plural, IReadOnlyList<string> shortNames) =>
        new(group, "v1", kind, plural, kind.ToLowerInvariant(), Namespaced: true, shortNames)
        {
            HasStatusSubresource = true,
            TracksGeneration = true,
            Categories = ["all"],
        };

    private static ResourceDefinition Rbac(string kind, string plural, bool namespaced) =>
        new("rbac.authorization.k8s.io", "v1", kind, plural, kind.ToLowerInvariant(), namespaced, [])
        {
            NameRule = NameRule.PathSegment,
        };
}
