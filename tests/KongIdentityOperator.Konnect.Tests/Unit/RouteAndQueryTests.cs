using KongIdentityOperator.Konnect.Http;
using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Tests.Unit;

public sealed class RouteAndQueryTests
{
    [Fact]
    public void Route_escapes_values_and_keeps_the_template()
    {
        var route = KonnectRoute.Of("/v1/auth-servers/{authServerId}/clients/{clientId}", "a b", "x?y#z%");

        Assert.Equal("/v1/auth-servers/{authServerId}/clients/{clientId}", route.Template);
        Assert.Equal("/v1/auth-servers/a%20b/clients/x%3Fy%23z%25", route.Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Route_rejects_blank_ids_that_would_address_the_collection(string id) =>
        Assert.Throws<ArgumentException>(() => KonnectRoute.Of("/v1/auth-servers/{authServerId}", id));

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../auth-servers")]
    [InlineData("a/b")]
    [InlineData("..\\x")]
    [InlineData("a\nb")]
    [InlineData("a\u0000b")]
    public void Route_rejects_values_that_are_not_a_single_segment(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => KonnectRoute.Of("/v1/auth-servers/{authServerId}/scopes", id));

        Assert.Contains("'authServerId' must be a single path segment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_rejects_a_wrong_number_of_values()
    {
        Assert.Throws<ArgumentException>(() => KonnectRoute.Of("/v1/auth-servers/{authServerId}"));
        Assert.Throws<ArgumentException>(() => KonnectRoute.Of("/v1/auth-servers", "extra"));
    }

    [Fact]
    public void Query_encodes_deep_object_filters_and_values()
    {
        var query = new QueryBuilder()
            .Filter("name", StringFilter.EqualTo("a&b=c d"))
            .Filter("audience", null)
            .Add("sort", (string?)null)
            .Page(10, 2)
            .Add("force", true)
            .ToString();

        Assert.Equal("?filter%5Bname%5D%5Beq%5D=a%26b%3Dc%20d&page%5Bsize%5D=10&page%5Bnumber%5D=2&force=true", query);
    }

    [Fact]
    public void Empty_query_is_empty() => Assert.Equal("", new QueryBuilder().Page(null, null).ToString());
}
