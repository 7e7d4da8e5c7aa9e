using k8s.Models;
using KongIdentityOperator.Tests.Unit.Crds;

namespace KongIdentityOperator.Tests.Unit.Cel;

/// <summary>A CEL rule where it sits in a generated CRD.</summary>
internal sealed record RuleSite(string Kind, string Path, V1ValidationRule Rule)
{
    public static IEnumerable<RuleSite> All() =>
        GeneratedCrds.AllNodes().SelectMany(node => (node.Schema.XKubernetesValidations ?? []).Select(rule => new RuleSite(node.Kind, node.Path, rule)));

    public override string ToString() => $"{Kind} {Path}: {Rule.Rule}";
}
