using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Runtime.LeaderElection;

/// <summary>
/// Runs a <see cref="LeaseElector"/> on a Lease and turns its callbacks into
/// <see cref="Leadership"/> terms. Without leader election this replica leads from the start. After losing the
/// lease it keeps competing; on shutdown it releases the lease so that a standby takes over without waiting for it
/// to expire.
/// </summary>
internal sealed partial class LeaderElectionHostedService(
    Leadership leadership,
    OperatorSettings settings,
    KubernetesClientConfiguration configuration,
    IKubernetesClient client,
    TimeProvider time,
    ILogger<LeaderElectionHostedService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    public string Identity { get; } = settings.LeaderElection.Identity
        ?? $"{Environment.MachineName}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 3))}";

    private string LeaseName => settings.LeaderElection.LeaseName ?? $"{settings.Name}-leader";

    private string LeaseNamespace => settings.LeaderElection.LeaseNamespace ?? configuration.Namespace ?? "default";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.LeaderElection.Enabled)
        {
            leadership.Acquire();
            return Task.CompletedTask;
        }

        _running = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!settings.LeaderElection.Enabled)
        {
            leadership.Lose();
            return;
        }

        // The loop ends promptly once cancelled; the lease release is bounded by its own short timeout.
        await _stopping.CancelAsync();
        await _running;
    }

    public void Dispose() => _stopping.Dispose();

    // Catches everything on purpose: the election loop must survive any error and try again.
    private async Task RunAsync(CancellationToken stopping)
    {
        var options = settings.LeaderElection;
        while (!stopping.IsCancellationRequested)
        {
            var wasLeader = false;
            var elector = new LeaseElector(client, options, LeaseNamespace, LeaseName, Identity, time);
            elector.OnStartedLeading += () =>
            {
                wasLeader = true;
                LogStarted(logger, Identity, LeaseNamespace, LeaseName);
                leadership.Acquire();
            };
            elector.OnNewLeader += leader => LogNewLeader(logger, leader, LeaseNamespace, LeaseName);
            elector.OnError += e => LogElectorError(logger, e.GetType().Name, e.Message);

            try
            {
                await elector.RunUntilLeadershipLostAsync(stopping);
                LogStopped(logger, Identity, LeaseNamespace, LeaseName);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Shutting down.
            }
            catch (Exception e)
            {
                LogElectionError(logger, e.GetType().Name, e.Message);
            }
            finally
            {
                leadership.Lose();
            }

            if (stopping.IsCancellationRequested)
            {
                if (wasLeader)
                {
                    await ReleaseAsync();
                }

                return;
            }

            try
            {
                await Task.Delay(options.RetryPeriod, time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Empties the holder (as client-go's ReleaseOnCancel does), which a competing <see cref="LeaseElector"/> takes as
    /// a free lease at once. Best effort: if it fails, the lease simply expires.
    /// </summary>
    // Catches everything on purpose: release is best effort.
    private async Task ReleaseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var lease = await client.GetAsync<V1Lease>(LeaseName, LeaseNamespace, timeout.Token);
            if (lease?.Spec?.HolderIdentity != Identity)
            {
                return;
            }

            lease.Spec.HolderIdentity = string.Empty;
            lease.Spec.LeaseDurationSeconds = 1;
            await client.UpdateAsync(lease, timeout.Token);
            LogReleased(logger, Identity, LeaseNamespace, LeaseName);
        }
        catch (Exception e)
        {
            LogElectionError(logger, e.GetType().Name, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} became the leader on lease {Namespace}/{Lease}")]
    private static partial void LogStarted(ILogger logger, string identity, string @namespace, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} stopped leading on lease {Namespace}/{Lease}")]
    private static partial void LogStopped(ILogger logger, string identity, string @namespace, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Leader} leads on lease {Namespace}/{Lease}")]
    private static partial void LogNewLeader(ILogger logger, string leader, string @namespace, string lease);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Identity} released lease {Namespace}/{Lease}")]
    private static partial void LogReleased(ILogger logger, string identity, string @namespace, string lease);

    // The elector reports expected conditions too (a missing lease before its creation), hence Debug.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Leader elector reported {ErrorType}: {ErrorMessage}")]
    private static partial void LogElectorError(ILogger logger, string errorType, string errorMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leader election error ({ErrorType}: {ErrorMessage})")]
    private static partial void LogElectionError(ILogger logger, string errorType, string errorMessage);
}
