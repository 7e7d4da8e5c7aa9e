using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

/// <summary>The test CRD: <c>gizmos.example.com/v1</c>, namespaced, with a status subresource and a rich schema.</summary>
public static class Gizmos
{
    public const string Group = "example.com";
    public const string Version = "v1";
    public const string Plural = "gizmos";
    public const string ApiVersion = "example.com/v1";

    public const string CrdYaml = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gizmos.example.com
        spec:
          group: example.com
          scope: Namespaced
          names:
            plural: gizmos
            singular: gizmo
            kind: Gizmo
            shortNames: [gz]
            categories: [toys]
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
            additionalPrinterColumns:
            - name: Ready
              type: string
              jsonPath: .status.conditions[?(@.type=="Ready")].status
            - name: Size
              type: integer
              jsonPath: .spec.size
            - name: Age
              type: date
              jsonPath: .metadata.creationTimestamp
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [size]
                    x-kubernetes-validations:
                    - rule: "self.size <= 5 || !has(self.color) || self.color != 'red'"
                      message: red gizmos must be small
                    - rule: "!has(oldSelf.color) || self.color == oldSelf.color"
                      message: color is immutable
                    properties:
                      size:
                        type: integer
                        minimum: 1
                        maximum: 10
                      color:
                        type: string
                        enum: [red, green, blue]
                      mode:
                        type: string
                        default: auto
                      name:
                        type: string
                        maxLength: 8
                        pattern: "^[a-z]+$"
                      tags:
                        type: array
                        maxItems: 3
                        items:
                          type: string
                      settings:
                        type: object
                        properties:
                          retries:
                            type: integer
                            default: 3
                      extra:
                        type: object
                        x-kubernetes-preserve-unknown-fields: true
                  status:
                    type: object
                    properties:
                      phase:
                        type: string
                      observedGeneration:
                        type: integer
                      conditions:
                        type: array
                        items:
                          type: object
                          required: [type, status]
                          properties:
                            type:
                              type: string
                            status:
                              type: string
                            reason:
                              type: string
        """;

    public static V1CustomResourceDefinition Crd() => KubernetesYaml.Deserialize<V1CustomResourceDefinition>(CrdYaml);

    public static JsonObject New(string name, int size = 3, JsonObject? labels = null, string? color = null)
    {
        var spec = new JsonObject { ["size"] = size };
        if (color is not null)
        {
            spec["color"] = color;
        }

        var metadata = new JsonObject { ["name"] = name };
        if (labels is not null)
        {
            metadata["labels"] = labels;
        }

        return new JsonObject
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = "Gizmo",
            ["metadata"] = metadata,
            ["spec"] = spec,
        };
    }
}
