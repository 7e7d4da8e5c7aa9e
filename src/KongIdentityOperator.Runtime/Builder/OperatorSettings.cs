using KongIdentityOperator.Runtime.Hosting;
using KongIdentityOperator.Runtime.LeaderElection;

namespace KongIdentityOperator.Runtime.Builder;

/// <summary>Operator-wide settings, set through <c>services.AddKubernetesOperator(settings => ...)</c>.</summary>
public sealed class OperatorSettings
{
    /// <summary>Names the operator in events (<c>reportingController</c>), the lease and logs.</summary>
    public string Name { get; set; } = "kubernetesoperator";

    /// <summary>Namespaces to watch; empty watches all namespaces.</summary>
    public IList<string> Namespaces { get; } = [];

    /// <summary>Default number of concurrent reconciles per controller.</summary>
    public int MaxConcurrentReconciles { get; set; } = 4;

    /// <summary>Every cached object is reconciled again after this period (jittered by ±10%); zero or less disables it.</summary>
    public TimeSpan ResyncPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>First retry delay after a failed reconcile; doubles per consecutive failure of the same object.</summary>
    public TimeSpan ErrorBackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the per-object retry delay.</summary>
    public TimeSpan ErrorBackoffMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First reconnect delay after a failed watch or list; doubles per consecutive failure.</summary>
    public TimeSpan WatchBackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the watch reconnect delay (before jitter).</summary>
    public TimeSpan WatchBackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Server-side timeout of one watch request (randomized up to twice this), after which it is resumed.</summary>
    public TimeSpan WatchTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A repeat of the same event within this window increments the existing event's series count.</summary>
    public TimeSpan EventAggregationWindow { get; set; } = TimeSpan.FromMinutes(10);

    public LeaderElectionSettings LeaderElection { get; } = new();

    public EndpointSettings Endpoints { get; } = new();

    public LivenessSettings Liveness { get; } = new();
}
