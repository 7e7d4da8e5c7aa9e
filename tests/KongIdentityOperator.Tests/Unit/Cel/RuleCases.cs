using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Tests.Unit.Cel;

/// <summary>
/// Inputs for every CEL rule of the generated CRDs, grouped by the rule's message. <c>self</c> is the value at the
/// rule's place after the API server applied defaults; each group admits at least one input and rejects another.
/// </summary>
internal static class RuleCases
{
    private const string DefaultKeys = """{"clientID":"client_id","clientSecret":"client_secret","issuer":"issuer","tokenEndpoint":"token_endpoint","scopes":"scopes","audience":"audience"}""";
    private const string ClaimSpec = "\"authServerRef\":{\"name\":\"appointments\"},\"name\":\"tenant\",\"value\":\"acme\",\"includeInToken\":false,\"enabled\":true";
    private const string ClientSpec = "\"authServerRef\":{\"name\":\"appointments\"},\"grantTypes\":[\"client_credentials\"],\"responseTypes\":[\"token\"]";

    public static IReadOnlyList<RuleCase> All { get; } =
    [
        // self == oldSelf on an object
        new("authServerRef is immutable", "unchanged", """{"name":"appointments"}""", """{"name":"appointments"}""", true),
        new("authServerRef is immutable", "pointed elsewhere", """{"name":"other"}""", """{"name":"appointments"}""", false),

        // self == oldSelf on strings
        // Spec-level transition rules: they also see an immutable optional field being removed.
        new(SpecRules.AdoptMessage, "never set", "{}", "{}", true),
        new(SpecRules.AdoptMessage, "unchanged", """{"adopt":{"id":"4f0b6c1e"}}""", """{"adopt":{"id":"4f0b6c1e"}}""", true),
        new(SpecRules.AdoptMessage, "set later (to resolve a name conflict)", """{"adopt":{"id":"4f0b6c1e"}}""", "{}", true),
        new(SpecRules.AdoptMessage, "changed", """{"adopt":{"id":"9a9a9a9a"}}""", """{"adopt":{"id":"4f0b6c1e"}}""", false),
        new(SpecRules.AdoptMessage, "case changed", """{"adopt":{"id":"4F0B6C1E"}}""", """{"adopt":{"id":"4f0b6c1e"}}""", false),
        new(SpecRules.AdoptMessage, "removed", "{}", """{"adopt":{"id":"4f0b6c1e"}}""", false),
        new(SpecRules.KonnectLocationMessage, "no konnect", "{}", "{}", true),
        new(SpecRules.KonnectLocationMessage, "region unchanged", """{"konnect":{"region":"eu"}}""", """{"konnect":{"region":"eu"}}""", true),
        new(SpecRules.KonnectLocationMessage, "token Secret changed", """{"konnect":{"region":"eu","tokenSecretRef":{"name":"b"}}}""", """{"konnect":{"region":"eu","tokenSecretRef":{"name":"a"}}}""", true),
        new(SpecRules.KonnectLocationMessage, "token Secret added", """{"konnect":{"tokenSecretRef":{"name":"a"}}}""", "{}", true),
        new(SpecRules.KonnectLocationMessage, "server unchanged", """{"konnect":{"serverURL":"https://konnect.internal"}}""", """{"konnect":{"serverURL":"https://konnect.internal"}}""", true),
        new(SpecRules.KonnectLocationMessage, "moved", """{"konnect":{"region":"us"}}""", """{"konnect":{"region":"eu"}}""", false),
        new(SpecRules.KonnectLocationMessage, "region removed", """{"konnect":{}}""", """{"konnect":{"region":"eu"}}""", false),
        new(SpecRules.KonnectLocationMessage, "konnect removed", "{}", """{"konnect":{"region":"eu"}}""", false),
        new(SpecRules.KonnectLocationMessage, "region set later", """{"konnect":{"region":"eu"}}""", "{}", false),
        new(SpecRules.KonnectLocationMessage, "region swapped for a server", """{"konnect":{"serverURL":"https://konnect.internal"}}""", """{"konnect":{"region":"eu"}}""", false),
        new(SpecRules.KonnectLocationMessage, "server moved", """{"konnect":{"serverURL":"https://other.internal"}}""", """{"konnect":{"serverURL":"https://konnect.internal"}}""", false),

        new("region and serverURL are mutually exclusive: set one of them", "neither (operator defaults)", "{}", null, true),
        new("region and serverURL are mutually exclusive: set one of them", "token only", """{"tokenSecretRef":{"name":"konnect-token"}}""", null, true),
        new("region and serverURL are mutually exclusive: set one of them", "region", """{"region":"eu"}""", null, true),
        new("region and serverURL are mutually exclusive: set one of them", "server URL", """{"serverURL":"https://konnect.internal"}""", null, true),
        new("region and serverURL are mutually exclusive: set one of them", "both", """{"region":"eu","serverURL":"https://konnect.internal"}""", null, false),

        new(KonnectLabels.KeysMessage, "no labels", "{}", null, true),
        new(KonnectLabels.KeysMessage, "ordinary keys", """{"env":"dev","team":"a","cost-center":"42"}""", null, true),
        new(KonnectLabels.KeysMessage, "63 characters", $$"""{"{{new string('k', 63)}}":"x"}""", null, true),
        new(KonnectLabels.KeysMessage, "reserved words inside a key", """{"my-kong":"x","app.konnect":"y"}""", null, true),
        new(KonnectLabels.KeysMessage, "64 characters", $$"""{"{{new string('k', 64)}}":"x"}""", null, false),
        new(KonnectLabels.KeysMessage, "empty", """{"":"x"}""", null, false),
        new(KonnectLabels.KeysMessage, "kong prefix", """{"kong-env":"x"}""", null, false),
        new(KonnectLabels.KeysMessage, "konnect prefix", """{"konnect.io/x":"x"}""", null, false),
        new(KonnectLabels.KeysMessage, "mesh prefix", """{"mesh":"x"}""", null, false),
        new(KonnectLabels.KeysMessage, "kic prefix", """{"kic-owner":"x"}""", null, false),
        new(KonnectLabels.KeysMessage, "underscore prefix", """{"_private":"x"}""", null, false),
        new(KonnectLabels.KeysMessage, "operator's managed-by", """{"managed-by":"me"}""", null, false),
        new(KonnectLabels.KeysMessage, "operator's k8s-uid", """{"k8s-uid":"0000"}""", null, false),
        new(KonnectLabels.KeysMessage, "operator's k8s-namespace", """{"k8s-namespace":"victim"}""", null, false),
        new(KonnectLabels.KeysMessage, "operator's k8s-name", """{"k8s-name":"payments"}""", null, false),
        new(KonnectLabels.KeysMessage, "one bad key among good ones", """{"env":"dev","kong":"x"}""", null, false),

        new(ClientSecretOutput.OperatorKeysMessage, "none", "{}", null, true),
        new(ClientSecretOutput.OperatorKeysMessage, "the user's own keys", """{"team":"a","example.com/owner":"b","identity.example.com/x":"c"}""", null, true),
        new(ClientSecretOutput.OperatorKeysMessage, "the referenceable label", """{"identity.konghq.com/referenceable":"true"}""", null, false),
        new(ClientSecretOutput.OperatorKeysMessage, "a forged secret version", """{"team":"a","identity.konghq.com/secret-version":"v0"}""", null, false),

        new(KonnectIds.NotDotSegmentMessage, "a name", "\"example-service\"", null, true),
        new(KonnectIds.NotDotSegmentMessage, "dots inside a name", "\"a..b\"", null, true),
        new(KonnectIds.NotDotSegmentMessage, "three dots", "\"...\"", null, true),
        new(KonnectIds.NotDotSegmentMessage, "a dot", "\".\"", null, false),
        new(KonnectIds.NotDotSegmentMessage, "two dots", "\"..\"", null, false),

        new(KonnectLabels.ValuesMessage, "no labels", "{}", null, true),
        new(KonnectLabels.ValuesMessage, "ordinary values", """{"env":"dev","v":"1.2.3_rc-1","one":"x"}""", null, true),
        new(KonnectLabels.ValuesMessage, "63 characters", $$"""{"a":"{{new string('v', 63)}}"}""", null, true),
        new(KonnectLabels.ValuesMessage, "64 characters", $$"""{"a":"{{new string('v', 64)}}"}""", null, false),
        new(KonnectLabels.ValuesMessage, "empty", """{"a":""}""", null, false),
        new(KonnectLabels.ValuesMessage, "leading dash", """{"a":"-dev"}""", null, false),
        new(KonnectLabels.ValuesMessage, "trailing dot", """{"a":"dev."}""", null, false),
        new(KonnectLabels.ValuesMessage, "space", """{"a":"two words"}""", null, false),
        new(KonnectLabels.ValuesMessage, "slash", """{"a":"a/b"}""", null, false),

        new("includeInScopes must be empty when includeInAllScopes is true", "defaults", $$"""{{{ClaimSpec}},"includeInAllScopes":false}""", null, true),
        new("includeInScopes must be empty when includeInAllScopes is true", "listed scopes only", $$"""{{{ClaimSpec}},"includeInAllScopes":false,"includeInScopes":[{"name":"my-scope"}]}""", null, true),
        new("includeInScopes must be empty when includeInAllScopes is true", "all scopes, empty list", $$"""{{{ClaimSpec}},"includeInAllScopes":true,"includeInScopes":[]}""", null, true),
        new("includeInScopes must be empty when includeInAllScopes is true", "all scopes, no list", $$"""{{{ClaimSpec}},"includeInAllScopes":true}""", null, true),
        new("includeInScopes must be empty when includeInAllScopes is true", "all scopes and a list", $$"""{{{ClaimSpec}},"includeInAllScopes":true,"includeInScopes":[{"name":"my-scope"}]}""", null, false),

        new("redirect URIs must be absolute https URLs without a fragment", "none", "[]", null, true),
        new("redirect URIs must be absolute https URLs without a fragment", "https", """["https://app.example.com/callback","https://localhost:8443/cb?x=1"]""", null, true),
        new("redirect URIs must be absolute https URLs without a fragment", "http", """["http://app.example.com/callback"]""", null, false),
        new("redirect URIs must be absolute https URLs without a fragment", "fragment", """["https://app.example.com/callback#top"]""", null, false),
        new("redirect URIs must be absolute https URLs without a fragment", "relative", """["/callback"]""", null, false),
        new("redirect URIs must be absolute https URLs without a fragment", "one bad among good", """["https://a.example.com/cb","HTTPS://b.example.com/cb"]""", null, false),

        new("key names must be distinct", "defaults", DefaultKeys, null, true),
        new("key names must be distinct", "all renamed", """{"clientID":"username","clientSecret":"password","issuer":"iss","tokenEndpoint":"url","scopes":"scope","audience":"aud"}""", null, true),
        new("key names must be distinct", "secret under the id's default name", DefaultKeys.Replace("\"clientSecret\":\"client_secret\"", "\"clientSecret\":\"client_id\"", StringComparison.Ordinal), null, false),
        new("key names must be distinct", "scopes and audience together", DefaultKeys.Replace("\"audience\":\"audience\"", "\"audience\":\"scopes\"", StringComparison.Ordinal), null, false),
        new("key names must be distinct", "issuer and token endpoint together", DefaultKeys.Replace("\"tokenEndpoint\":\"token_endpoint\"", "\"tokenEndpoint\":\"issuer\"", StringComparison.Ordinal), null, false),

        new("clientID is immutable (it cannot be set, changed or removed after creation)", "derived, unchanged", $$"""{{{ClientSpec}}}""", $$"""{{{ClientSpec}}}""", true),
        new("clientID is immutable (it cannot be set, changed or removed after creation)", "set, unchanged", $$"""{{{ClientSpec}},"clientID":"orders"}""", $$"""{{{ClientSpec}},"clientID":"orders"}""", true),
        new("clientID is immutable (it cannot be set, changed or removed after creation)", "other fields changed", $$"""{{{ClientSpec}},"clientID":"orders","displayName":"New"}""", $$"""{{{ClientSpec}},"clientID":"orders"}""", true),
        new("clientID is immutable (it cannot be set, changed or removed after creation)", "changed", $$"""{{{ClientSpec}},"clientID":"billing"}""", $$"""{{{ClientSpec}},"clientID":"orders"}""", false),
        new("clientID is immutable (it cannot be set, changed or removed after creation)", "set later", $$"""{{{ClientSpec}},"clientID":"orders"}""", $$"""{{{ClientSpec}}}""", false),
        new("clientID is immutable (it cannot be set, changed or removed after creation)", "removed", $$"""{{{ClientSpec}}}""", $$"""{{{ClientSpec}},"clientID":"orders"}""", false),

        new("status codes must be between 100 and 599", "none", "[]", null, true),
        new("status codes must be between 100 and 599", "bounds", "[100,401,599]", null, true),
        new("status codes must be between 100 and 599", "below", "[99]", null, false),
        new("status codes must be between 100 and 599", "above", "[401,600]", null, false),

        new("set exactly one of name or id", "name", """{"name":"quickstart"}""", null, true),
        new("set exactly one of name or id", "id", """{"id":"6f2c9e4a-0000-4000-8000-000000000000"}""", null, true),
        new("set exactly one of name or id", "neither", "{}", null, false),
        new("set exactly one of name or id", "both", """{"name":"quickstart","id":"6f2c9e4a-0000-4000-8000-000000000000"}""", null, false),

        new("set at most one of service or route; neither means global", "global", "{}", null, true),
        new("set at most one of service or route; neither means global", "service", """{"service":{"name":"httpbin"}}""", null, true),
        new("set at most one of service or route; neither means global", "route", """{"route":{"id":"r-1"}}""", null, true),
        new("set at most one of service or route; neither means global", "both", """{"service":{"name":"httpbin"},"route":{"id":"r-1"}}""", null, false),
    ];

    public static RuleCase Get(string message, string name) => All.Single(c => c.Message == message && c.Name == name);
}
