using KongIdentityOperator.Konnect.Http;

namespace KongIdentityOperator.Konnect.CoreEntities;

/// <summary>The query string of a core-entities list: size, cursor, tags (all with <c>,</c>, any with <c>/</c>) and name filter.</summary>
internal static class CoreEntityQuery
{
    public static QueryBuilder From(CoreEntityListQuery query) =>
        new QueryBuilder()
            .Add("size", query.Size)
            .Add("offset", query.Offset)
            .Add("tags", query.Tags is { Count: > 0 } tags ? string.Join(query.TagMatch == TagMatch.Any ? "/" : ",", tags) : null)
            .Filter("name", query.Name);
}
