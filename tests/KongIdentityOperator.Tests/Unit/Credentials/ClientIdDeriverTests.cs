using System.Text.RegularExpressions;
using KongIdentityOperator.Credentials;

namespace KongIdentityOperator.Tests.Unit.Credentials;

public sealed partial class ClientIdDeriverTests
{
    [Theory]
    [InlineData("default", "orders", "default-orders")]
    [InlineData("team-a", "appointments-client", "team-a-appointments-client")]
    [InlineData("ns", "a_b", "ns-a_b")]
    public void Short_names_are_kept_as_namespace_dash_name(string @namespace, string name, string expected) =>
        Assert.Equal(expected, ClientIdDeriver.Derive(@namespace, name));

    [Fact]
    public void A_name_of_exactly_36_characters_is_kept()
    {
        var name = new string('n', ClientIdDeriver.MaxLength - "ns-".Length);

        Assert.Equal($"ns-{name}", ClientIdDeriver.Derive("ns", name));
    }

    [Theory]
    [InlineData("production-payments", "appointments-client-for-the-gateway")]
    [InlineData("ns", "a-name-that-is-just-one-character-too")]
    [InlineData("a-very-long-namespace-name-that-alone-exceeds-the-limit", "x")]
    [InlineData("team-a", "name.with.dots.and.enough.length.to.be.cut")]
    public void Long_names_become_at_most_36_allowed_characters(string @namespace, string name)
    {
        var id = ClientIdDeriver.Derive(@namespace, name);

        Assert.InRange(id.Length, 1, ClientIdDeriver.MaxLength);
        Assert.Matches(Allowed(), id);
    }

    [Fact]
    public void Long_names_keep_a_readable_prefix()
    {
        var id = ClientIdDeriver.Derive("production-payments", "appointments-client-for-the-gateway");

        Assert.StartsWith("production-payments-appoi", id, StringComparison.Ordinal);
    }

    [Fact]
    public void The_derived_id_is_stable()
    {
        const string Name = "appointments-client-for-the-gateway-with-a-long-name";

        var ids = Enumerable.Range(0, 5).Select(_ => ClientIdDeriver.Derive("production", Name)).Distinct().ToList();

        Assert.Single(ids);
    }

    [Fact]
    public void Long_names_sharing_a_prefix_get_distinct_ids()
    {
        var names = Enumerable.Range(0, 500).Select(i => $"appointments-client-for-the-gateway-{i}").ToList();

        var ids = names.Select(n => ClientIdDeriver.Derive("production", n)).ToList();

        Assert.Equal(names.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_same_long_name_in_two_namespaces_gets_distinct_ids()
    {
        const string Name = "appointments-client-for-the-gateway-with-a-long-name";

        Assert.NotEqual(ClientIdDeriver.Derive("team-a", Name), ClientIdDeriver.Derive("team-b", Name));
    }

    // Kubernetes object names may contain dots (DNS subdomain names); Konnect client ids may not.
    [Theory]
    [InlineData("default", "web.app")]
    [InlineData("team-a", "orders.v1")]
    public void Short_names_with_dots_become_allowed_characters(string @namespace, string name)
    {
        var id = ClientIdDeriver.Derive(@namespace, name);

        Assert.InRange(id.Length, 1, ClientIdDeriver.MaxLength);
        Assert.Matches(Allowed(), id);
        Assert.NotEqual(id, ClientIdDeriver.Derive(@namespace, name.Replace('.', '-')));
    }

    [GeneratedRegex("^[-_a-zA-Z0-9]+$")]
    private static partial Regex Allowed();
}
