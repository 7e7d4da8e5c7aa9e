namespace KongIdentityOperator.Konnect.Tests.Support;

/// <summary>Konnect answer bodies shaped like the OpenAPI examples.</summary>
public static class Bodies
{
    public const string AuthServerId = "d32d905a-ed33-46a3-a093-d8f536af9a8a";

    public static string AuthServer(string id = AuthServerId, string name = "Appointments Dev") => $$"""
        {"id":"{{id}}","name":"{{name}}","description":"","audience":"http://myhttpbin.dev","signing_algorithm":"RS256",
         "issuer":"https://a93xltvowjk8m1qe.us.identity.konghq.com/auth",
         "metadata_uri":"https://a93xltvowjk8m1qe.us.identity.konghq.com/auth/.well-known/openid-configuration",
         "jwks_uri":"https://a93xltvowjk8m1qe.us.identity.konghq.com/auth/.well-known/jwks",
         "labels":{"env":"test"},"trusted_origins":[],
         "created_at":"2022-11-04T20:10:06.927Z","updated_at":"2022-11-04T20:10:06.927Z"}
        """;

    public static string Client(string id = "kYa9iQFU5xPDSIUH9z1z", string? secret = null) => $$"""
        {"id":"{{id}}","name":"m2m","grant_types":["client_credentials"],"response_types":["token"],"redirect_uris":[],
         "login_uri":null,"access_token_duration":3600,"id_token_duration":300,"allow_all_scopes":false,
         "allow_scopes":["c5e12516-182c-4928-ae04-05374b3b1cca"],"labels":{},"token_endpoint_auth_method":"client_secret_post",
         {{(secret is null ? "" : $"\"client_secret\":\"{secret}\",")}}
         "created_at":"2022-11-04T20:10:06.927Z","updated_at":"2022-11-04T20:10:06.927Z"}
        """;

    public static string Page(string items, int number, int size, int total) =>
        $$"""{"data":[{{items}}],"meta":{"page":{"number":{{number}},"size":{{size}},"total":{{total}}""" + "}}}";

    public static string Plugin(string id, string name = "upstream-oauth") =>
        $$$"""{"id":"{{{id}}}","name":"{{{name}}}","config":{"oauth":{"token_endpoint":"https://issuer/oauth/token","client_secret":"plugin-secret-value"}},"enabled":true,"protocols":["http","https"],"tags":["managed-by:kio"],"created_at":1700000000,"updated_at":1700000001}""";
}
