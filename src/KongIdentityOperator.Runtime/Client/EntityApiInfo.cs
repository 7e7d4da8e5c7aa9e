using System.Reflection;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>Where the API server serves a kind, read once per type from <see cref="KubernetesEntityAttribute"/>.</summary>
internal sealed record EntityApiInfo(string Group, string Version, string Kind, string Plural)
{
    /// <summary>The <c>apiVersion</c> field value: <c>v1</c> for the core group, else <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public static EntityApiInfo For<TEntity>() => PerType<TEntity>.Value;

    public static EntityApiInfo FromType(Type type)
    {
        var attribute = type.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} has no [KubernetesEntity] attribute.");
        var kind = string.IsNullOrEmpty(attribute.Kind) ? type.Name : attribute.Kind;
        var plural = string.IsNullOrEmpty(attribute.PluralName)
            ? kind.ToLowerInvariant() + "s"
            : attribute.PluralName.ToLowerInvariant();
        return new EntityApiInfo(attribute.Group ?? string.Empty, attribute.ApiVersion ?? "v1", kind, plural);
    }

    private static class PerType<TEntity>
    {
        public static readonly EntityApiInfo Value = FromType(typeof(TEntity));
    }
}
