namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary><c>x-kubernetes-list-type</c> (atomic, set, map) and, for map, its key fields.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListTypeAttribute(string listType, params string[] mapKeys) : Attribute
{
    public string ListType { get; } = listType;

    public IReadOnlyList<string> MapKeys { get; } = mapKeys;
}
