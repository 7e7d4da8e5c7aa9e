using System.Runtime.CompilerServices;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Entities;

/// <summary>Hands <see cref="EntityJsonContext"/> to the runtime before any code of this assembly runs.</summary>
internal static class EntityJsonRegistration
{
    // A module initializer rather than a call in Program: tests and tools that use the kinds without the host get the
    // same registration.
#pragma warning disable CA2255 // The operator's own assembly: registering its kinds is exactly what it is for.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => KubernetesSerialization.AddTypeInfoResolver(EntityJsonContext.Default);
}
