using System.Text.Json.Serialization;
using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

/// <summary>Where and as whom to call Konnect. Omitted fields fall back to the operator's defaults.</summary>
[ValidationRule("!(has(self.region) && has(self.serverURL))", "region and serverURL are mutually exclusive: set one of them")]
public sealed class KonnectSettings
{
    /// <summary>http(s), a host (no user info), an optional path; no query, fragment, whitespace or backslash.</summary>
    internal const string ServerUrlPattern = @"^https?://[^\s/?#@\\]+(/[^\s?#\\]*)?$";

    [Description("Konnect region (us, eu, au, me, in, sg); the API host is https://<region>.api.konghq.com. Default: the operator's default region (us).")]
    public KonnectRegion? Region { get; set; }

    [JsonPropertyName("serverURL")]
    [Pattern(ServerUrlPattern)]
    [Length(1, 512)]
    [Description("Konnect API base URL, instead of a region (e.g. for a private Konnect endpoint). No user info, query or fragment. The operator calls it only when it is one of its --allowed-konnect-servers.")]
    public string? ServerUrl { get; set; }

    [Description("Secret in the same namespace holding a Konnect personal (kpat_) or system-account (spat_) token; key defaults to \"token\". The Secret must carry the label identity.konghq.com/referenceable: \"true\". Omitted: the operator's default token, in the namespaces it is granted to.")]
    public SecretKeyReference? TokenSecretRef { get; set; }
}
