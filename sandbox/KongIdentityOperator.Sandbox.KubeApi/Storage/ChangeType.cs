namespace KongIdentityOperator.Sandbox.KubeApi.Storage;

/// <summary>The watch event types, spelled as on the wire.</summary>
internal static class ChangeType
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";
    public const string Error = "ERROR";
}
