using System.Collections.Immutable;

namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>A PATCH of Konnect labels: clear all, then set and remove keys.</summary>
internal sealed record LabelsPatch(bool ClearAll, ImmutableDictionary<string, string> Set, IReadOnlyList<string> Remove)
{
    public ImmutableDictionary<string, string> ApplyTo(ImmutableDictionary<string, string> labels)
    {
        var result = ClearAll ? ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal) : labels;
        return result.SetItems(Set).RemoveRange(Remove);
    }
}
