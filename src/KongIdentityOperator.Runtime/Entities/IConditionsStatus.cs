using k8s.Models;

namespace KongIdentityOperator.Runtime.Entities;

/// <summary>
/// A status with kstatus-style conditions and a top-level <c>observedGeneration</c>,
/// so that kstatus, Flux, Argo CD and <c>kubectl wait</c> read it correctly.
/// </summary>
public interface IConditionsStatus
{
    long ObservedGeneration { get; set; }

    IList<V1Condition> Conditions { get; set; }
}
