using System.Diagnostics.CodeAnalysis;
using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Finalizer;
using KongIdentityOperator.Runtime.Reconciliation;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Runtime.Builder;

/// <summary>Registers controllers, finalizers and caches (KubeOps' <c>IOperatorBuilder</c>).</summary>
public interface IOperatorBuilder
{
    IServiceCollection Services { get; }

    OperatorSettings Settings { get; }

    /// <summary>
    /// Registers <typeparamref name="TImplementation"/> (scoped: one instance per reconcile) as the controller of
    /// <typeparamref name="TEntity"/>, with a shared watch and cache of the kind and a work queue of its own.
    /// </summary>
    IOperatorBuilder AddController<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation, TEntity>(Action<ControllerOptions<TEntity>>? configure = null)
        where TImplementation : class, IEntityController<TEntity>
        where TEntity : class, IKubernetesObject<V1ObjectMeta>, new();

    /// <summary>
    /// Registers <typeparamref name="TImplementation"/> as a finalizer of <typeparamref name="TEntity"/> under
    /// <paramref name="identifier"/> (a qualified name such as <c>example.com/cleanup</c>, at most 63 characters after
    /// the slash). The kind's controller attaches it and runs it on deletion.
    /// </summary>
    IOperatorBuilder AddFinalizer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation, TEntity>(string identifier)
        where TImplementation : class, IEntityFinalizer<TEntity>
        where TEntity : class, IKubernetesObject<V1ObjectMeta>, new();

    /// <summary>Watches and caches a kind without a controller, readable through <c>IEntityCache&lt;TEntity&gt;</c>.</summary>
    IOperatorBuilder AddCache<TEntity>(string? labelSelector = null)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>, new();
}
