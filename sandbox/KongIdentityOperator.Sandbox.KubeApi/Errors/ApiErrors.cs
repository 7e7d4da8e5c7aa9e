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

    /// <summary>422 for invalid request options, e.g. <c>CreateOptions.meta.k8s.io "" is invalid: dryRun: ...</c>.</summary>
    public static StatusException InvalidOptions(string kind, IReadOnlyList<FieldError> errors)
    {
        var aggregate = errors.Count == 1 ? errors[0].ToString() : $"[{string.Join(", ", errors)}]";
        return new StatusException(
            422,
            StatusReasons.Invalid,
            $"{kind}.meta.k8s.io \"\" is invalid: {aggregate}",
            new StatusDetails(null, "meta.k8s.io", kind) { Causes = [.. errors.Select(e => e.ToCause())] });
    }

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

    /// <summary>
    /// A continue token whose snapshot left the history: like etcd after compaction, 410 with a token that goes on
    /// from the current state (the caller may accept an inconsistent list or start again).
    /// </summary>
    public static StatusException ContinueExpired(string inconsistentToken) =>
        new(410, StatusReasons.Expired, "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.")
        {
            ContinueToken = inconsistentToken,
        };

    public static StatusException ListTooOld() =>
        new(410, StatusReasons.Expired, "The resourceVersion for the provided list is too old.");

    public static StatusException TooLargeResourceVersion(long requested, long current) =>
        new(504, StatusReasons.Timeout, $"Too large resource version: {requested}, current: {current}", new StatusDetails(null, null, null)
        {
            Causes = [new StatusCause("ResourceVersionTooLarge", "Too large resource version", string.Empty)],
            RetryAfterSeconds = 1,
        });

    private static StatusDetails Details(ResourceDefinition definition, string name) =>
        new(name, definition.Group, definition.Plural);
}
