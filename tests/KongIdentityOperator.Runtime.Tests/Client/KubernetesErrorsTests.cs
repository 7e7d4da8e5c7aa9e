using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Runtime.Tests.Client;

public sealed class KubernetesErrorsTests
{
    private static HttpOperationException Http(HttpStatusCode code, string? reason)
    {
        var body = reason is null
            ? string.Empty
            : $$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","reason":"{{reason}}","code":{{(int)code}}}""";
        return new HttpOperationException("failed")
        {
            Response = new HttpResponseMessageWrapper(new HttpResponseMessage(code), body),
        };
    }

    [Fact]
    public void A_stale_resource_version_is_a_conflict_not_already_exists()
    {
        var e = Http(HttpStatusCode.Conflict, "Conflict");

        Assert.True(e.IsConflict());
        Assert.False(e.IsAlreadyExists());
        Assert.Equal(409, e.StatusCode());
    }

    [Fact]
    public void A_taken_name_is_already_exists_not_a_conflict()
    {
        var e = Http(HttpStatusCode.Conflict, "AlreadyExists");

        Assert.True(e.IsAlreadyExists());
        Assert.False(e.IsConflict());
    }

    [Fact]
    public void A_409_without_a_status_body_counts_as_conflict() =>
        Assert.True(Http(HttpStatusCode.Conflict, null).IsConflict());

    [Fact]
    public void Not_found_and_gone_are_recognized()
    {
        Assert.True(Http(HttpStatusCode.NotFound, "NotFound").IsNotFound());
        Assert.True(Http(HttpStatusCode.Gone, "Expired").IsGone());
        Assert.True(new KubernetesException(new V1Status { Code = 410, Reason = "Expired" }).IsGone());
        Assert.False(new InvalidOperationException().IsGone());
        Assert.Null(new InvalidOperationException().StatusCode());
    }
}
