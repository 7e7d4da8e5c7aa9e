namespace KongIdentityOperator.Runtime.Watcher;

/// <summary>The kind-independent face of an informer, for hosting and readiness.</summary>
internal interface IResourceInformer
{
    string Kind { get; }

    bool HasSynced { get; }

    /// <summary>The longest time any of its watches has gone without an event, a bookmark or a completed list or watch request.</summary>
    TimeSpan LongestWatchSilence { get; }

    /// <summary>Completes once every watched namespace has been listed.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);

    /// <summary>Starts the watch loops in the background and returns.</summary>
    void Start(CancellationToken cancellationToken);

    /// <summary>Stops the watch loops and waits for them to end.</summary>
    Task StopAsync();
}
