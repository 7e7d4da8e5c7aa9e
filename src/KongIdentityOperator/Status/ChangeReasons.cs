namespace KongIdentityOperator.Status;

/// <summary>Reasons of the Normal events the controllers emit when they change something in Konnect (or a Client's secrets).</summary>
internal static class ChangeReasons
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Adopted = "Adopted";
    public const string Recovered = "Recovered";
    public const string Deleted = "Deleted";
    public const string Orphaned = "Orphaned";
    public const string SecretWritten = "SecretWritten";
    public const string SecretHealed = "SecretHealed";
    public const string SecretStaged = "SecretStaged";
    public const string SecretRegistered = "SecretRegistered";
    public const string SecretRotated = "SecretRotated";
    public const string RotationDeferred = "RotationDeferred";
    public const string PreviousSecretDeleted = "PreviousSecretDeleted";
    public const string UnknownSecretDeleted = "UnknownSecretDeleted";
}
