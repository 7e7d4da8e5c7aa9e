using k8s.Autorest;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Runtime.LeaderElection;

/// <summary>
/// client-go's lease-based leader election on a <c>coordination.k8s.io/v1</c> Lease, through the runtime's client
/// (KubernetesClient.Aot has no elector). A candidate takes the lease when it is free (no holder) or when its holder
/// has not renewed it for <see cref="LeaderElectionSettings.LeaseDuration"/>, measured on this replica's clock from
/// when it last saw the record change, so clock skew between replicas does not matter. The leader renews every
/// <see cref="LeaderElectionSettings.RetryPeriod"/> and steps down when no renewal succeeded for
/// <see cref="LeaderElectionSettings.RenewDeadline"/>. Every write is guarded by the lease's resourceVersion.
/// </summary>
internal sealed class LeaseElector(
    IKubernetesClient client,
    LeaderElectionSettings settings,
    string leaseNamespace,
    string leaseName,
    string identity,
    TimeProvider time)
{
    private string? _observedRecord;
    private DateTimeOffset _observedAt;
    private string? _lastLeader;

    /// <summary>Called once this candidate holds the lease.</summary>
    public event Action? OnStartedLeading;

    /// <summary>Called with the holder's identity whenever a different holder is seen.</summary>
    public event Action<string>? OnNewLeader;

    /// <summary>Called for each failed attempt (expected ones too, such as a conflict with another candidate).</summary>
    public event Action<Exception>? OnError;

    /// <summary>Competes until this candidate leads, then renews until it cannot; returns when leadership is lost.</summary>
    public async Task RunUntilLeadershipLostAsync(CancellationToken cancellationToken)
    {
        while (!await TryAcquireOrRenewAsync(cancellationToken))
        {
            await Task.Delay(settings.RetryPeriod, time, cancellationToken);
        }

        OnStartedLeading?.Invoke();
        var lastRenewal = time.GetUtcNow();
        while (true)
        {
            await Task.Delay(settings.RetryPeriod, time, cancellationToken);
            if (await TryAcquireOrRenewAsync(cancellationToken))
            {
                lastRenewal = time.GetUtcNow();
            }
            else if (time.GetUtcNow() - lastRenewal >= settings.RenewDeadline)
            {
                return;
            }
        }
    }

    // Catches API and network errors on purpose: one failed attempt is simply not a success.
    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            var lease = await client.GetAsync<V1Lease>(leaseName, leaseNamespace, cancellationToken);
            if (lease is null)
            {
                await client.CreateAsync(Take(new V1Lease { Metadata = new V1ObjectMeta { Name = leaseName, NamespaceProperty = leaseNamespace } }, now), cancellationToken);
                Observe(identity, now);
                return true;
            }

            lease.Spec ??= new V1LeaseSpec();
            var holder = lease.Spec.HolderIdentity;
            var record = $"{holder}|{lease.Spec.RenewTime:O}|{lease.Spec.AcquireTime:O}";
            if (record != _observedRecord)
            {
                _observedRecord = record;
                _observedAt = now;
            }

            if (!string.IsNullOrEmpty(holder))
            {
                NoteLeader(holder);
            }

            var duration = TimeSpan.FromSeconds(lease.Spec.LeaseDurationSeconds ?? (int)settings.LeaseDuration.TotalSeconds);
            if (!string.IsNullOrEmpty(holder) && holder != identity && _observedAt + duration > now)
            {
                return false;
            }

            var updated = await client.UpdateAsync(Take(lease, now), cancellationToken);
            _observedRecord = $"{updated.Spec.HolderIdentity}|{updated.Spec.RenewTime:O}|{updated.Spec.AcquireTime:O}";
            _observedAt = now;
            Observe(identity, now);
            return true;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or k8s.KubernetesException or System.Text.Json.JsonException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            OnError?.Invoke(e);
            return false;
        }
    }

    private V1Lease Take(V1Lease lease, DateTimeOffset now)
    {
        lease.Spec ??= new V1LeaseSpec();
        if (lease.Spec.HolderIdentity != identity)
        {
            lease.Spec.HolderIdentity = identity;
            lease.Spec.AcquireTime = now.UtcDateTime;
            lease.Spec.LeaseTransitions = lease.Metadata?.ResourceVersion is null ? 0 : (lease.Spec.LeaseTransitions ?? 0) + 1;
        }

        lease.Spec.LeaseDurationSeconds = (int)settings.LeaseDuration.TotalSeconds;
        lease.Spec.RenewTime = now.UtcDateTime;
        return lease;
    }

    private void Observe(string holder, DateTimeOffset now)
    {
        _observedAt = now;
        NoteLeader(holder);
    }

    private void NoteLeader(string holder)
    {
        if (holder != _lastLeader)
        {
            _lastLeader = holder;
            OnNewLeader?.Invoke(holder);
        }
    }
}
