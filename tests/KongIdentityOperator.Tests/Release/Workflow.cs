using KongIdentityOperator.TestSupport;
using YamlDotNet.RepresentationModel;

namespace KongIdentityOperator.Tests.Release;

/// <summary>A GitHub Actions workflow file read as YAML: its trigger, jobs and their steps.</summary>
internal sealed record Workflow(string File, YamlMappingNode Root)
{
    public static Workflow Load(string name)
    {
        var path = RepositoryRoot.Combine(".github", "workflows", name);
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return new Workflow(name, (YamlMappingNode)stream.Documents.Single().RootNode);
    }

    public YamlMappingNode Jobs => (YamlMappingNode)Root["jobs"];

    public YamlMappingNode Job(string name) => (YamlMappingNode)Jobs[name];

    public IEnumerable<YamlMappingNode> Steps(string job) => ((YamlSequenceNode)Job(job)["steps"]).Children.Cast<YamlMappingNode>();

    public IEnumerable<YamlMappingNode> AllSteps => Jobs.Children.Keys.SelectMany(k => Steps(((YamlScalarNode)k).Value!));

    /// <summary>Every <c>run:</c> script of every step, as text.</summary>
    public IEnumerable<string> RunScripts => AllSteps.Select(s => Scalar(s, "run")).OfType<string>();

    public static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    public static YamlMappingNode? Mapping(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;
}
