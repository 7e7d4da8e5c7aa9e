namespace KongIdentityOperator.Mapping;

/// <summary>What an upstream-oauth plugin is built from, once every reference is resolved.</summary>
internal sealed record PluginInputs(string TokenEndpoint, string ClientId, string ClientSecret, IReadOnlyList<string> ScopeNames, PluginTarget Target)
{
    public override string ToString() => $"PluginInputs {{ TokenEndpoint = {TokenEndpoint}, ClientId = {ClientId}, ClientSecret = ***, Scopes = [{string.Join(" ", ScopeNames)}], Target = {Target} }}";
}
