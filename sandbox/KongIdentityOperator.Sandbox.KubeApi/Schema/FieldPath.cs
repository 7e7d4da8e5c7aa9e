using System.Globalization;

namespace KongIdentityOperator.Sandbox.KubeApi.Schema;

/// <summary>Field paths as apimachinery prints them: <c>spec.tags[0]</c>, <c>spec.labels[key]</c>.</summary>
internal static class FieldPath
{
    public static string Child(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static string Index(string parent, int index) => $"{parent}[{index.ToString(CultureInfo.InvariantCulture)}]";

    public static string Key(string parent, string key) => $"{parent}[{key}]";
}
