namespace KongIdentityOperator.Entities;

/// <summary>Any of the five kinds, seen through the status they share (for code that treats them alike).</summary>
public interface IConditionedEntity
{
    ConditionedStatus ConditionedStatus { get; }
}
