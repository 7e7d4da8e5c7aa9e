using k8s.Models;
using KongIdentityOperator.Runtime.Queue;

namespace KongIdentityOperator.Runtime.Tests.Queue;

public sealed class EntityKeyTests
{
    [Theory]
    [InlineData("ns/name", "ns", "name")]
    [InlineData("name", null, "name")]
    public void Parse_and_format_round_trip(string text, string? ns, string name)
    {
        var key = EntityKey.Parse(text);

        Assert.Equal(ns, key.Namespace);
        Assert.Equal(name, key.Name);
        Assert.Equal(text, key.ToString());
    }

    [Fact]
    public void An_empty_namespace_equals_no_namespace() =>
        Assert.Equal(new EntityKey(null, "a"), new EntityKey(string.Empty, "a"));

    [Fact]
    public void From_reads_namespace_and_name() =>
        Assert.Equal(
            new EntityKey("ns", "a"),
            EntityKey.From(new V1Secret { Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "ns" } }));
}
