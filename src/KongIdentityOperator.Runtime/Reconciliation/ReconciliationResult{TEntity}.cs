using System.Diagnostics.CodeAnalysis;
using k8s;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Reconciliation;

/// <summary>
/// The outcome of a reconcile or finalize (KubeOps' <c>ReconciliationResult</c>). A failure is retried with per-object
/// exponential backoff unless <see cref="RequeueAfter"/> says when; a success with <see cref="RequeueAfter"/> is
/// reconciled again after that delay.
/// </summary>
public sealed record ReconciliationResult<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    private ReconciliationResult(TEntity entity, bool isSuccess, string? errorMessage, Exception? error, TimeSpan? requeueAfter)
    {
        Entity = entity;
        IsSuccess = isSuccess;
        ErrorMessage = errorMessage;
        Error = error;
        RequeueAfter = requeueAfter;
    }

    public TEntity Entity { get; }

    [MemberNotNullWhen(false, nameof(ErrorMessage))]
    public bool IsSuccess { get; }

    [MemberNotNullWhen(true, nameof(ErrorMessage))]
    public bool IsFailure => !IsSuccess;

    /// <summary>Why the operation failed (logged; must not contain secret values).</summary>
    public string? ErrorMessage { get; }

    public Exception? Error { get; }

    /// <summary>When to reconcile the object again; null for "only on the next change or resync".</summary>
    public TimeSpan? RequeueAfter { get; set; }

    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Mirrors KubeOps' factory API.")]
    public static ReconciliationResult<TEntity> Success(TEntity entity, TimeSpan? requeueAfter = null) =>
        new(entity, true, null, null, requeueAfter);

    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Mirrors KubeOps' factory API.")]
    public static ReconciliationResult<TEntity> Failure(TEntity entity, string errorMessage, Exception? error = null, TimeSpan? requeueAfter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorMessage);
        return new(entity, false, errorMessage, error, requeueAfter);
    }
}
