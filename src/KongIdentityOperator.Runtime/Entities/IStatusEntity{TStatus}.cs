namespace KongIdentityOperator.Runtime.Entities;

/// <summary>An entity whose status is written through the <c>/status</c> subresource.</summary>
public interface IStatusEntity<TStatus>
{
    TStatus Status { get; set; }
}
