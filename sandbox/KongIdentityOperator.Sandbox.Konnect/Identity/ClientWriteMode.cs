namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>Which client write a body belongs to; each has its own required fields.</summary>
internal enum ClientWriteMode
{
    /// <summary>POST: <c>name</c>, <c>grant_types</c>, <c>response_types</c> required; id and secret generated.</summary>
    Create,

    /// <summary>PATCH: everything optional; <c>labels</c> merge.</summary>
    Patch,

    /// <summary>PUT: <c>name</c>, <c>client_secret</c>, <c>grant_types</c>, <c>response_types</c> required; full replace.</summary>
    Replace,
}
