using KongIdentityOperator.TestSupport;

namespace KongIdentityOperator.Tests.Unit.Architecture;

public sealed class NamespaceCycleTests
{
    private static readonly System.Reflection.Assembly Operator = typeof(Hosting.OperatorServices).Assembly;

    /// <summary>What the compiled code uses (static calls included) together with what the source imports (constants).</summary>
    private static Dictionary<string, HashSet<string>> Edges()
    {
        var edges = NamespaceGraph.Of(Operator).ToDictionary(e => e.Key, e => new HashSet<string>(e.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (from, targets) in SourceUsings.Of(RepositoryRoot.Combine("src", "KongIdentityOperator"), "KongIdentityOperator"))
        {
            (edges.TryGetValue(from, out var set) ? set : edges[from] = new HashSet<string>(StringComparer.Ordinal)).UnionWith(targets);
        }

        return edges;
    }

    [Fact]
    public void The_operators_namespaces_depend_on_each_other_without_cycles()
    {
        var cycle = NamespaceGraph.FindCycle(Edges());

        Assert.True(cycle is null, $"Namespace cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void The_compiled_code_shows_static_calls_and_the_source_shows_constants()
    {
        var compiled = NamespaceGraph.Of(Operator);
        var imported = SourceUsings.Of(RepositoryRoot.Combine("src", "KongIdentityOperator"), "KongIdentityOperator");

        // ChildDemand calls Indexes.Key: a static call, seen in the IL.
        Assert.Contains("KongIdentityOperator.Indexing", compiled["KongIdentityOperator.Observation"]);
        Assert.Contains("KongIdentityOperator.References", compiled["KongIdentityOperator.Finalizers"]);

        // OwnerCheck uses only the constant Indexes.Uid, which the compiler copies: only the source says so.
        Assert.DoesNotContain("KongIdentityOperator.Indexing", compiled["KongIdentityOperator.Ownership"]);
        Assert.Contains("KongIdentityOperator.Indexing", imported["KongIdentityOperator.Ownership"]);
        Assert.DoesNotContain("KongIdentityOperator.Controllers", Edges()["KongIdentityOperator.Finalizers"]);
    }

    [Fact]
    public void A_cycle_is_found_and_named()
    {
        var edges = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A", "D"],
        };

        Assert.Equal(["A", "B", "C", "A"], NamespaceGraph.FindCycle(edges));
        Assert.Null(NamespaceGraph.FindCycle(new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = ["C"] }));
    }
}
