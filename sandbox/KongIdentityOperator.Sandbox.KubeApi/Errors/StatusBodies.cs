using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Errors;

/// <summary>Builds <c>meta/v1 Status</c> bodies shaped exactly like the real server's.</summary>
internal static class StatusBodies
{
    public static JsonObject Failure(int code, string reason, string message, StatusDetails? details)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = DetailsNode(details);
        }

        status["code"] = code;
        return status;
    }

    public static JsonObject Success(StatusDetails details) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = DetailsNode(details),
    };

    private static JsonObject DetailsNode(StatusDetails details)
    {
        var node = new JsonObject();
        if (details.Name is not null)
        {
            node["name"] = details.Name;
        }

        if (!string.IsNullOrEmpty(details.Group))
        {
            node["group"] = details.Group;
        }

        if (details.Kind is not null)
        {
            node["kind"] = details.Kind;
        }

        if (details.Uid is not null)
        {
            node["uid"] = details.Uid;
        }

        if (details.Causes.Count > 0)
        {
            var causes = new JsonArray();
            foreach (var cause in details.Causes)
            {
                causes.Add(new JsonObject { ["reason"] = cause.Reason, ["message"] = cause.Message, ["field"] = cause.Field });
            }

            node["causes"] = causes;
        }

        if (details.RetryAfterSeconds is { } retry)
        {
            node["retryAfterSeconds"] = retry;
        }

        return node;
    }
}
