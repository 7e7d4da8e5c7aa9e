using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Registry;

/// <summary>
/// What the server serves right now: the built-in table plus every established CRD's versions. Readers get an
/// immutable snapshot, so discovery and routing never see a half-registered CRD.
/// </summary>
internal sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ImmutableArray<ResourceDefinition>> _custom =
        ImmutableDictionary<string, ImmutableArray<ResourceDefinition>>.Empty.WithComparers(StringComparer.Ordinal);

    private volatile ResourceDefinition[] _all = [.. BuiltInResources.All];

    /// <summary>Every served definition: built-ins first, then custom kinds in CRD name order.</summary>
    public IReadOnlyList<ResourceDefinition> All => _all;

    public ResourceDefinition? Find(string group, string version, string plural)
    {
        foreach (var definition in All)
        {
            if (definition.Plural == plural && definition.Version == version && definition.Group == group)
            {
                return definition;
            }
        }

        return null;
    }

    /// <summary>Any served version of the resource (for storage-level work such as garbage collection).</summary>
    public ResourceDefinition? FindAnyVersion(ResourceKey key) =>
        All.FirstOrDefault(d => d.Plural == key.Plural && d.Group == key.Group);

    public ResourceDefinition? FindByKind(string apiVersion, string kind) =>
        All.FirstOrDefault(d => d.Kind == kind && d.ApiVersion == apiVersion);

    /// <summary>Serves (or re-serves, after an update) the versions a CRD defines.</summary>
    public void Register(JsonObject crd)
    {
        var name = crd["metadata"]?["name"]?.GetValue<string>();
        if (name is null)
        {
            return;
        }

        var definitions = CrdDefinitions.From(crd);
        lock (_gate)
        {
            _custom = definitions.Count == 0 ? _custom.Remove(name) : _custom.SetItem(name, [.. definitions]);
            Rebuild();
        }
    }

    public void Unregister(string crdName)
    {
        lock (_gate)
        {
            _custom = _custom.Remove(crdName);
            Rebuild();
        }
    }

    private void Rebuild() =>
        _all = [.. BuiltInResources.All, .. _custom.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value)];
}
