namespace KongIdentityOperator.Sandbox.Konnect.ControlPlanes;

/// <summary>A proxy URL of a control plane's data planes.</summary>
internal sealed record ProxyUrl(string Host, int Port, string Protocol);
