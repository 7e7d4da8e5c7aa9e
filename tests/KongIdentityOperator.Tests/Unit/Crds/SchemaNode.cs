using k8s.Models;

namespace KongIdentityOperator.Tests.Unit.Crds;

/// <summary>
/// One schema of a CRD with its path from the root: <c>spec.konnect.region</c>; <c>[*]</c> for array items and
/// <c>{*}</c> for map values.
/// </summary>
internal sealed record SchemaNode(string Kind, string Path, V1JSONSchemaProps Schema)
{
    public override string ToString() => $"{Kind} {Path}";
}
