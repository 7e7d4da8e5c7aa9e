using k8s.Models;
using KongIdentityOperator.Runtime.Entities;

namespace KongIdentityOperator.Runtime.Tests.TestEntities;

public sealed class WidgetStatus : IConditionsStatus
{
    public long ObservedGeneration { get; set; } = -1;

    public IList<V1Condition> Conditions { get; set; } = [];

    public string? Message { get; set; }
}
