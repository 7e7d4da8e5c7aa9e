namespace KongIdentityOperator.Runtime.Finalizer;

/// <summary>A finalizer identifier registered for <typeparamref name="TEntity"/>; the implementation is a keyed service under it.</summary>
internal sealed record FinalizerRegistration<TEntity>(string Identifier);
