namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>Compares sort keys; strings compare ordinally (byte order, like a "C" collation) so sorting never depends on culture.</summary>
internal sealed class SortKeyComparer : IComparer<IComparable?>
{
    public static SortKeyComparer Instance { get; } = new();

    public int Compare(IComparable? x, IComparable? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => x.CompareTo(y),
    };
}
