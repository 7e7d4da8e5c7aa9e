namespace KongIdentityOperator.Entities;

/// <summary>
/// Admission rules for the ids and names that reach Konnect URL paths, so that a value such as <c>..</c> can never
/// address another resource: Konnect ids are UUIDs, client ids are what Kong Identity allows, gateway entity names
/// are Kong's (alphanumerics, <c>. - _ ~</c> and non-ASCII letters), and the bare segments . and .. are refused.
/// </summary>
internal static class KonnectIds
{
    public const string UuidPattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    /// <summary>Kong Identity client ids: 1-36 of letters, digits, '-' and '_'.</summary>
    public const string ClientIdPattern = "^[-_a-zA-Z0-9]{1,36}$";

    /// <summary>Kong's names of services and routes (utf8_name): ASCII alphanumerics and . - _ ~, or any non-ASCII character.</summary>
    public const string GatewayNamePattern = "^([-a-zA-Z0-9._~]|[^\\x00-\\x7F])+$";

    public const string NotDotSegmentRule = "self != '.' && self != '..'";

    public const string NotDotSegmentMessage = "must not be . or .. (it would address another resource in a URL path)";
}
