namespace KongIdentityOperator.Konnect.ControlPlanes;

/// <summary>A proxy URL of a control plane's data planes.</summary>
public sealed record ProxyUrl(string Host, int Port, string Protocol);
