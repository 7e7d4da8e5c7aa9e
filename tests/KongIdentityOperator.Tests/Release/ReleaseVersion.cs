using System.Text.RegularExpressions;
using System.Xml.Linq;
using KongIdentityOperator.TestSupport;

namespace KongIdentityOperator.Tests.Release;

/// <summary>The version the tree carries, as <c>make set-version</c> wrote it: Directory.Build.props and config/default.</summary>
internal static partial class ReleaseVersion
{
    public static string Current { get; } =
        XDocument.Load(RepositoryRoot.Combine("Directory.Build.props")).Descendants("Version").Single().Value;

    /// <summary>The images entry of config/default/kustomization.yaml: (newName, newTag).</summary>
    public static (string Name, string Tag) KustomizationImage()
    {
        var text = File.ReadAllText(RepositoryRoot.Combine("config", "default", "kustomization.yaml"));
        return (NewName().Match(text).Groups[1].Value, NewTag().Match(text).Groups[1].Value);
    }

    [GeneratedRegex("(?m)^  newName: (\\S+)$")]
    private static partial Regex NewName();

    [GeneratedRegex("(?m)^  newTag: \"?([^\"\\s]+)\"?$")]
    private static partial Regex NewTag();
}
