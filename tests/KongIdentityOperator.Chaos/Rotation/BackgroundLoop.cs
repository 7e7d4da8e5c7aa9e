namespace KongIdentityOperator.Chaos.Rotation;

/// <summary>A loop that runs beside a test until disposed (at most once), for samplers and simulated consumers.</summary>
internal abstract class BackgroundLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>Starts <paramref name="body"/> on the thread pool; called once by the constructor of a subclass.</summary>
    protected void Start(Func<CancellationToken, Task> body) => _loop = Task.Run(() => body(_stop.Token));
}
