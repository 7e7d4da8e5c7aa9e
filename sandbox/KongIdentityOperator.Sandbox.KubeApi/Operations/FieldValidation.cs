namespace KongIdentityOperator.Sandbox.KubeApi.Operations;

/// <summary>The <c>fieldValidation</c> query parameter: what to do with unknown or duplicate fields.</summary>
internal enum FieldValidation
{
    /// <summary>Drop them silently.</summary>
    Ignore,

    /// <summary>Drop them and answer a <c>Warning</c> header (the server's default).</summary>
    Warn,

    /// <summary>Reject the request with 400 (kubectl's default).</summary>
    Strict,
}
