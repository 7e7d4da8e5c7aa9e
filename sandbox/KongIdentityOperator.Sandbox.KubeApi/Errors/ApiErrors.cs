using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Errors;

/// <summary>The standard failures, with the messages the real API server writes.</summary>
internal static class ApiErrors
{
    public static StatusException NotFound(ResourceDefinition definition, string name) =>
        new(404, StatusReasons.NotFound, $"{definition.GroupResource} \"{name}\" not found", Details(definition, name));

    public static StatusException NamespaceNotFound(string name) =>
        new(404, StatusReasons.NotFound, $"namespaces \"{name}\" not found", new StatusDetails(name, null, "namespaces"));

    public static StatusException ResourceNotFound() =>
        new(404, StatusReasons.NotFound, "the server could not find the requested resource", new StatusDetails(null, null, null));

    public static StatusException AlreadyExists(ResourceDefinition definition, string name) =>
        new(409, StatusReasons.AlreadyExists, $"{definition.GroupResource} \"{name}\" already exists", Details(definition, name));

    public static StatusException Conflict(ResourceDefinition definition, string name, string why) =>
        new(409, StatusReasons.Conflict, $"Operation cannot be fulfilled on {definition.GroupResource} \"{name}\": {why}", Details(definition, name));

    public static StatusException StaleResourceVersion(ResourceDefinition definition, string name) =>
        Conflict(definition, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static StatusException Invalid(ResourceDefinition definition, string name, IReadOnlyList<FieldError> errors)
    {
        var aggregate = errors.Count == 1 ? errors[0].ToString() : $"[{string.Join(", ", errors)}]";
        var qualifiedKind = definition.Group.Length == 0 ? definition.Kind : $"{definition.Kind}.{definition.Group}";
        return new StatusException(
            422,
            StatusReasons.Invalid,
            $"{qualifiedKind} \"{name}\" is invalid: {aggregate}",
            new StatusDetails(name, definition.Group, definition.Kind) { Causes = [.. errors.Select(e => e.ToCause())] });
    }

    public static StatusException Invalid(ResourceDefinition definition, string name, FieldError error) =>
        Invalid(definition, name, [error]);

    public static StatusException BadRequest(string message) => new(400, StatusReasons.BadRequest, message);

    public static StatusException MethodNotAllowed(string message) => new(405, StatusReasons.MethodNotAllowed, message);

    public static StatusException UnsupportedMediaType(string contentType) =>
        new(
            415,
            StatusReasons.UnsupportedMediaType,
            $"the body of the request was in an unknown format - accepted media types include: {contentType}");

    public static StatusException Forbidden(ResourceDefinition definition, string name, string why) =>
        new(403, StatusReasons.Forbidden, $"{definition.GroupResource} \"{name}\" is forbidden: {why}", Details(definition, name));

    public static StatusException Expired(long requested, long oldest) =>
        new(410, StatusReasons.Expired, $"too old resource version: {requested} ({oldest})");

    private static StatusDetails Details(ResourceDefinition definition, string name) =>
        new(name, definition.Group, definition.Plural);
}
