using k8s;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Events;

/// <summary>
/// Records an <c>events.k8s.io/v1</c> Event about <paramref name="entity"/> (KubeOps' <c>EventPublisher</c>). A repeat
/// of the same reason, message and type for the same object within the aggregation window increments the existing
/// event's series count instead of creating a new event. Failures are logged, never thrown. The message is truncated
/// to 1 KiB and must never contain secret values.
/// </summary>
public delegate Task EventPublisher(
    IKubernetesObject<V1ObjectMeta> entity,
    string reason,
    string message,
    EventType type = EventType.Normal,
    CancellationToken cancellationToken = default);
