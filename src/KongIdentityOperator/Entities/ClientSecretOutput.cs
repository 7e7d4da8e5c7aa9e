using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("Where and how the client's credentials are written.")]
public sealed class ClientSecretOutput
{
    // The credentials Secret must never become referenceable (or carry forged versions) through a Client's spec.
    internal const string OperatorKeysRule = "self.all(k, !k.startsWith('identity.konghq.com/'))";

    internal const string OperatorKeysMessage = "keys under identity.konghq.com/ are the operator's own and cannot be set here";

    [Length(1, 253)]
    [Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")]
    [Description("Name of the Secret (same namespace). Default: <client name>-credentials.")]
    public string? Name { get; set; }

    [Description("Key names in the Secret.")]
    public ClientSecretKeys? Keys { get; set; }

    [PropertyLimits(-1, 32)]
    [ValidationRule(OperatorKeysRule, OperatorKeysMessage)]
    [Description("Extra labels on the Secret (the Client's own labels are never copied: GitOps tools would prune the Secret).")]
    public IDictionary<string, string>? Labels { get; set; }

    [PropertyLimits(-1, 32)]
    [ValidationRule(OperatorKeysRule, OperatorKeysMessage)]
    [Description("Extra annotations on the Secret.")]
    public IDictionary<string, string>? Annotations { get; set; }

    [Pattern("^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$")]
    [Description("Rotate the client secret on this period (a Go duration, at least 1h, e.g. 720h). Omitted: rotate only when the annotation identity.konghq.com/rotate-secret changes.")]
    public string? RotationPeriod { get; set; }

    [Pattern("^(0|([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+)$")]
    [DefaultValue("\"10m\"")]
    [Description("How long a replaced client secret stays valid in Konnect after a rotation (a Go duration, e.g. 10m, 24h), so that workloads and gateways still using it can move to the new one; 0s cuts over at once. A rotation asked for while one runs waits for it to end.")]
    public string? RotationGracePeriod { get; set; }
}
