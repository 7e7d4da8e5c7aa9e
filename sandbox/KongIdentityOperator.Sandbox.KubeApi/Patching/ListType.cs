namespace KongIdentityOperator.Sandbox.KubeApi.Patching;

/// <summary>How server-side apply treats a list: replaced whole, merged by key fields, or merged as a set.</summary>
/// <param name="Merge">Atomic, map or set.</param>
/// <param name="Keys">The key fields of a map list (empty otherwise).</param>
internal sealed record ListType(ListMerge Merge, IReadOnlyList<string> Keys)
{
    public static ListType Atomic { get; } = new(ListMerge.Atomic, []);

    public static ListType Set { get; } = new(ListMerge.Set, []);
}

/// <summary>The list kinds of structured-merge-diff (<c>x-kubernetes-list-type</c>).</summary>
internal enum ListMerge
{
    Atomic,
    Map,
    Set,
}
