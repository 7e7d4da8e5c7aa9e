namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>A deep copy of all emulator state at one instant, for assertions (no secret values).</summary>
public sealed record EmulatorSnapshot(IReadOnlyList<AuthServerSnapshot> AuthServers, IReadOnlyList<ControlPlaneSnapshot> ControlPlanes)
{
    /// <summary>Every client of every auth server.</summary>
    public IEnumerable<ClientSnapshot> AllClients => AuthServers.SelectMany(a => a.Clients);

    /// <summary>Every plugin of every control plane.</summary>
    public IEnumerable<PluginSnapshot> AllPlugins => ControlPlanes.SelectMany(c => c.Plugins);

    /// <summary>The auth server with this Konnect name, or null.</summary>
    public AuthServerSnapshot? FindAuthServer(string name) => AuthServers.FirstOrDefault(a => a.Name == name);

    /// <summary>The control plane with this name, or null.</summary>
    public ControlPlaneSnapshot? FindControlPlane(string name) => ControlPlanes.FirstOrDefault(c => c.Name == name);
}
