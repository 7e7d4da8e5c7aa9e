namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>A Konnect page-number list: <c>{data, meta: {page: {number, size, total}}}</c>.</summary>
internal sealed record ListResponse<T>(IReadOnlyList<T> Data, ListMeta Meta);
