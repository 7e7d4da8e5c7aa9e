namespace KongIdentityOperator.Sandbox.KubeApi.Storage;

/// <summary>What one watcher is sent: an object event, or a bookmark carrying only a resourceVersion.</summary>
internal sealed record WatchMessage(string Type, StoredObject? Object, long ResourceVersion, bool InitialEventsEnd = false);
