using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Registry;

/// <summary>
/// One served resource at one version: the row of the registry table that discovery, routing, storage and
/// validation all read. Built-ins come from <see cref="BuiltInResources"/>; custom ones from a CRD.
/// </summary>
internal sealed record ResourceDefinition(
    string Group,
    string Version,
    string Kind,
    string Plural,
    string Singular,
    bool Namespaced,
    IReadOnlyList<string> ShortNames)
{
    public static readonly IReadOnlyList<string> AllVerbs =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public IReadOnlyList<string> Verbs { get; init; } = AllVerbs;

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Whether <c>/status</c> is served; then writes to the main endpoint keep the old status.</summary>
    public bool HasStatusSubresource { get; init; }

    /// <summary>Whether the server maintains <c>metadata.generation</c> (CRs and workload kinds; not Secrets).</summary>
    public bool TracksGeneration { get; init; }

    /// <summary>True for kinds served from a CustomResourceDefinition.</summary>
    public bool IsCustom { get; init; }

    /// <summary>The name of the CRD that defines this kind (custom kinds only).</summary>
    public string? CrdName { get; init; }

    /// <summary>The version's <c>openAPIV3Schema</c> (custom kinds only).</summary>
    public JsonObject? Schema { get; init; }

    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];

    public NameRule NameRule { get; init; } = NameRule.Subdomain;

    /// <summary>Whether tables end with an Age column (built-ins and CRDs without printer columns do).</summary>
    public bool ShowsAge { get; init; } = true;

    /// <summary>Whether the real server accepts strategic merge patches here (built-ins only).</summary>
    public bool SupportsStrategicMerge => !IsCustom;

    /// <summary>Built-ins may be PUT without a resourceVersion (unconditional update); custom resources may not.</summary>
    public bool AllowsUnconditionalUpdate => !IsCustom;

    /// <summary>The real server answers a DELETE of a built-in with the object, and of a CR with a Status.</summary>
    public bool ReturnsDeletedObject => !IsCustom;

    public string ListKind { get; init; } = Kind + "List";

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The "resource.group" form used in error messages, e.g. <c>gizmos.example.com</c> or <c>secrets</c>.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>Set when this resource is a view of another one's storage (events.k8s.io over core Events).</summary>
    public ObjectConversion? Conversion { get; init; }

    /// <summary>Where objects of this resource are stored (its own group and plural unless it is a view).</summary>
    public ResourceKey Key => Conversion?.Storage ?? new(Group, Plural);

    /// <summary>The object in this resource's form (converted when the resource is a view of other storage).</summary>
    public JsonObject FromStorage(JsonObject stored) => Conversion is null ? stored : Conversion.FromStorage(stored);

    /// <summary>The object in its stored form.</summary>
    public JsonObject ToStorage(JsonObject obj) => Conversion is null ? obj : Conversion.ToStorage(obj);
}
