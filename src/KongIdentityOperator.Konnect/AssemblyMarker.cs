namespace KongIdentityOperator.Konnect;

/// <summary>Marker for the Konnect client assembly.</summary>
internal static class AssemblyMarker;
