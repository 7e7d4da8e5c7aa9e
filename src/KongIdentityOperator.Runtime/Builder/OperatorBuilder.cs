using System.Diagnostics.CodeAnalysis;
using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Finalizer;
using KongIdentityOperator.Runtime.Hosting;
using KongIdentityOperator.Runtime.Queue;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Runtime.Watcher;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Runtime.Builder;

/// <summary>Collects registrations into the service collection; one informer per kind however often it is asked for.</summary>
internal sealed class OperatorBuilder(IServiceCollection services, OperatorSettings settings) : IOperatorBuilder
{
    private readonly Dictionary<Type, object> _informers = [];
    private readonly HashSet<Type> _controllers = [];

    public IServiceCollection Services { get; } = services;

    public OperatorSettings Settings { get; } = settings;

    public IOperatorBuilder AddController<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation, TEntity>(Action<ControllerOptions<TEntity>>? configure = null)
        where TImplementation : class, IEntityController<TEntity>
        where TEntity : class, IKubernetesObject<V1ObjectMeta>, new()
    {
        if (!_controllers.Add(typeof(TEntity)))
        {
            throw new InvalidOperationException($"A controller for {typeof(TEntity).Name} is already registered.");
        }

        var options = new ControllerOptions<TEntity>();
        configure?.Invoke(options);
        var informer = RequireInformer<TEntity>(InformerOptions<TEntity>.Selectors(options.LabelSelector, options.AnyOfLabelSelectors), keepObjects: true);
        foreach (var (name, indexer) in options.Indexes)
        {
            informer.AddIndex(name, indexer);
        }

        foreach (var watch in options.Watches)
        {
            watch.Register(this);
        }

        var maxConcurrent = options.MaxConcurrentReconciles ?? Settings.MaxConcurrentReconciles;
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1, nameof(options.MaxConcurrentReconciles));
        var registration = new ControllerRegistration<TEntity>(
            options.Name ?? EntityApiInfo.For<TEntity>().Kind.ToLowerInvariant(),
            maxConcurrent,
            options.ResyncPeriod ?? Settings.ResyncPeriod,
            [.. options.TriggerAnnotations],
            options.Watches,
            options.AutoAttachFinalizers,
            [.. options.TriggerLabels]);

        Services.AddSingleton(registration);
        Services.AddScoped<IEntityController<TEntity>, TImplementation>();
        Services.AddSingleton<ControllerHostedService<TEntity>>();
        Services.AddHostedService(sp => sp.GetRequiredService<ControllerHostedService<TEntity>>());
        Services.AddSingleton(sp => sp.GetRequiredService<ControllerHostedService<TEntity>>().Activity);
        Services.AddSingleton<IEntityBacklog<TEntity>>(sp => new EntityBacklog<TEntity>(sp.GetRequiredService<ControllerHostedService<TEntity>>()));
        Services.AddSingleton<EntityQueue<TEntity>>(sp =>
        {
            var controller = sp.GetRequiredService<ControllerHostedService<TEntity>>();
            return (entity, _, _, queueIn, _, _) => controller.EnqueueAsync(entity, queueIn);
        });
        return this;
    }

    public IOperatorBuilder AddFinalizer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation, TEntity>(string identifier)
        where TImplementation : class, IEntityFinalizer<TEntity>
        where TEntity : class, IKubernetesObject<V1ObjectMeta>, new()
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        var name = identifier[(identifier.LastIndexOf('/') + 1)..];
        if (name.Length is 0 or > 63)
        {
            throw new ArgumentException($"Finalizer '{identifier}' must have a name of 1 to 63 characters after its prefix.", nameof(identifier));
        }

        Services.AddSingleton(new FinalizerRegistration<TEntity>(identifier));
        Services.AddKeyedScoped<IEntityFinalizer<TEntity>, TImplementation>(identifier);
        return this;
    }

    public IOperatorBuilder AddCache<TEntity>(string? labelSelector = null)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>, new()
    {
        RequireInformer<TEntity>(InformerOptions<TEntity>.Selectors(labelSelector, []), keepObjects: true);
        return this;
    }

    /// <summary>The shared informer options of a kind, registering the informer on first use.</summary>
    internal InformerOptions<TEntity> RequireInformer<TEntity>(IReadOnlyList<string?> labelSelectors, bool keepObjects)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>, new()
    {
        if (!_informers.TryGetValue(typeof(TEntity), out var existing))
        {
            existing = new InformerOptions<TEntity>();
            _informers.Add(typeof(TEntity), existing);
            Services.AddSingleton((InformerOptions<TEntity>)existing);
            Services.AddSingleton<ResourceInformer<TEntity>>();
            Services.AddSingleton<IResourceInformer>(sp => sp.GetRequiredService<ResourceInformer<TEntity>>());
            Services.AddSingleton<IEntityCache<TEntity>>(sp => sp.GetRequiredService<ResourceInformer<TEntity>>().Cache);
        }

        var options = (InformerOptions<TEntity>)existing;
        options.Require(labelSelectors, keepObjects);
        return options;
    }
}
