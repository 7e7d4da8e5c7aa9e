namespace KongIdentityOperator.Runtime.Events;

/// <summary>The type of a Kubernetes event.</summary>
public enum EventType
{
    Normal,
    Warning,
}
