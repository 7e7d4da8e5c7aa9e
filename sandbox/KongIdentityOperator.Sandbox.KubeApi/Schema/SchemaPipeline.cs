using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Operations;
using KongIdentityOperator.Sandbox.KubeApi.Registry;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Sandbox.KubeApi.Schema;

/// <summary>
/// What the apiextensions server does to a custom resource on every write, in its order: prune unknown fields
/// (honouring <c>fieldValidation</c>), apply defaults, validate against the OpenAPI schema, then evaluate the CEL
/// rules (skipped when the schema already failed, like the real server's blocking errors).
/// </summary>
internal sealed class SchemaPipeline(ILogger<SchemaPipeline> logger)
{
    private readonly CelRuleEvaluator _cel = new(logger);

    public void Process(ResourceDefinition definition, string name, JsonObject obj, JsonObject? old, WriteContext context)
    {
        if (definition.Schema is not { } schema)
        {
            return;
        }

        var unknown = Pruner.Prune(obj, schema);
        if (unknown.Count > 0)
        {
            switch (context.FieldValidation)
            {
                case FieldValidation.Strict:
                    var fields = string.Join(", ", unknown.Select(u => $"unknown field \"{u}\""));
                    throw ApiErrors.BadRequest($"{definition.Kind} in version \"{definition.Version}\" cannot be handled as a {definition.Kind}: strict decoding error: {fields}");
                case FieldValidation.Warn:
                    context.Warnings.AddRange(unknown.Select(u => $"unknown field \"{u}\""));
                    break;
            }
        }

        Defaulter.Apply(obj, schema);
        var errors = SchemaValidator.Validate(obj, schema).ToList();
        if (errors.Count == 0)
        {
            var root = obj.DeepClone().AsObject();
            var oldRoot = old?.DeepClone().AsObject();
            root.Remove("metadata");
            oldRoot?.Remove("metadata");
            _cel.Evaluate(root, oldRoot, old is not null, schema, string.Empty, errors);
        }

        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(definition, name, errors);
        }
    }
}
