namespace KongIdentityOperator.Runtime.LeaderElection;

/// <summary>
/// Whether this replica leads, as a sequence of terms: each term has a token that is cancelled when leadership is
/// lost, so that everything started for the term (queue workers, in-flight reconciles) stops with it.
/// </summary>
internal sealed class Leadership : IDisposable
{
    private readonly Lock _lock = new();
    private CancellationTokenSource? _term;
    private TaskCompletionSource _acquired = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Acquire()
    {
        lock (_lock)
        {
            if (_term is not null)
            {
                return;
            }

            _term = new CancellationTokenSource();
            _acquired.TrySetResult();
        }
    }

    public void Lose()
    {
        CancellationTokenSource? ended;
        lock (_lock)
        {
            ended = _term;
            if (ended is null)
            {
                return;
            }

            _term = null;
            _acquired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        // Not disposed: holders of the token may still register on it; cancellation is what matters.
        ended.Cancel();
    }

    public void Dispose()
    {
        Lose();
    }

    /// <summary>Waits until this replica leads; returns the token of the current term.</summary>
    public async Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task acquired;
            lock (_lock)
            {
                if (_term is not null)
                {
                    return _term.Token;
                }

                acquired = _acquired.Task;
            }

            await acquired.WaitAsync(cancellationToken);
        }
    }
}
