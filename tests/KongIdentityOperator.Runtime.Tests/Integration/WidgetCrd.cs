using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Tests.TestEntities;

namespace KongIdentityOperator.Runtime.Tests.Integration;

/// <summary>The Widget CRD, written by hand as a cluster admin would apply it.</summary>
internal static class WidgetCrd
{
    public static V1CustomResourceDefinition Create() => new()
    {
        ApiVersion = "apiextensions.k8s.io/v1",
        Kind = "CustomResourceDefinition",
        Metadata = new V1ObjectMeta { Name = $"widgets.{Widget.Group}" },
        Spec = new V1CustomResourceDefinitionSpec
        {
            Group = Widget.Group,
            Scope = "Namespaced",
            Names = new V1CustomResourceDefinitionNames { Plural = "widgets", Singular = "widget", Kind = "Widget", ListKind = "WidgetList" },
            Versions =
            [
                new V1CustomResourceDefinitionVersion
                {
                    Name = Widget.Version,
                    Served = true,
                    Storage = true,
                    Subresources = new V1CustomResourceSubresources { Status = new object() },
                    Schema = new V1CustomResourceValidation
                    {
                        OpenAPIV3Schema = new V1JSONSchemaProps
                        {
                            Type = "object",
                            Properties = new Dictionary<string, V1JSONSchemaProps>
                            {
                                ["spec"] = new()
                                {
                                    Type = "object",
                                    Properties = new Dictionary<string, V1JSONSchemaProps>
                                    {
                                        ["value"] = new() { Type = "string" },
                                        ["ref"] = new() { Type = "string" },
                                    },
                                },
                                ["status"] = new()
                                {
                                    Type = "object",
                                    XKubernetesPreserveUnknownFields = true,
                                },
                            },
                        },
                    },
                },
            ],
        },
    };

    /// <summary>Registers the CRD and waits until the server serves the kind.</summary>
    public static async Task InstallAsync(IKubernetes kubernetes, CancellationToken cancellationToken)
    {
        await kubernetes.ApiextensionsV1.CreateCustomResourceDefinitionAsync(Create(), cancellationToken: cancellationToken);
        await Eventually.TrueAsync(
            async () =>
            {
                var crd = await kubernetes.ApiextensionsV1.ReadCustomResourceDefinitionAsync($"widgets.{Widget.Group}", cancellationToken: cancellationToken);
                return crd.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true;
            },
            "the Widget CRD to be established");
    }
}
