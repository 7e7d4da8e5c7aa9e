using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>Which family a request path belongs to; each has its own error shapes and fault rules.</summary>
internal enum ApiKind
{
    /// <summary>Kong Identity <c>/v1</c> and control planes <c>/v2</c>: problem+json errors.</summary>
    Konnect,

    /// <summary><c>/v2/control-planes/{id}/core-entities/…</c>: gRPC-style errors.</summary>
    CoreEntities,

    /// <summary>Issuer endpoints under <c>/_issuer</c>: RFC 6749 errors.</summary>
    Issuer,

    /// <summary>Test hooks under <c>/_emulator</c>.</summary>
    Hook,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>Classifies request paths into <see cref="ApiKind"/>.</summary>
internal static class ApiKinds
{
    public static ApiKind Of(PathString path)
    {
        if (path.StartsWithSegments("/_emulator", StringComparison.Ordinal))
        {
            return ApiKind.Hook;
        }

        if (path.StartsWithSegments("/_issuer", StringComparison.Ordinal))
        {
            return ApiKind.Issuer;
        }

        if (path.StartsWithSegments("/v2/control-planes", StringComparison.Ordinal)
            && path.Value!.Contains("/core-entities", StringComparison.Ordinal))
        {
            return ApiKind.CoreEntities;
        }

        return path.StartsWithSegments("/v1", StringComparison.Ordinal) || path.StartsWithSegments("/v2", StringComparison.Ordinal)
            ? ApiKind.Konnect
            : ApiKind.Other;
    }

    /// <summary>The Konnect API proper (not hooks, not issuer): what needs a Bearer token.</summary>
    public static bool IsManagementApi(this ApiKind kind) => kind is ApiKind.Konnect or ApiKind.CoreEntities;
}
