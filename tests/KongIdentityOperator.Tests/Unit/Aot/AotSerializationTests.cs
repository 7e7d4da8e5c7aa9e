using System.Text.Json;
using System.Text.RegularExpressions;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Tests.Unit.Aot;

/// <summary>
/// What the Native AOT build needs from JSON, checked in the ordinary build: KubernetesClient.Aot's own serializer has
/// no type information for the <c>object</c>-typed <c>fieldsV1</c> of a managed field, so code in <c>src/</c> copies
/// and writes objects only through the runtime's serializer, which has.
/// </summary>
public sealed class AotSerializationTests
{
    [Fact]
    public void No_code_in_src_serializes_through_KubernetesClient_own_JSON()
    {
        var offenders = SourcesWhere(text => text.Contains("KubernetesJson.Serialize", StringComparison.Ordinal) || text.Contains("KubernetesJson.Deserialize", StringComparison.Ordinal));

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_AOT_build_of_src_reaches_neither_KubernetesClient_JSON_nor_its_Kubernetes_constructor()
    {
        // Either keeps KubernetesClient's generated JSON for every model in the Native AOT executable (about 16 MB of
        // file and 15 MB of rehydrated type data). Code outside the AOT build (#if !K8S_AOT_PACKAGE) may use them.
        var nonAot = new Regex(@"#if !K8S_AOT_PACKAGE.*?#endif", RegexOptions.Singleline, TimeSpan.FromSeconds(5));
        var library = new Regex(@"\bKubernetesJson\b|new Kubernetes\(|\bSourceGenerationContext\b", RegexOptions.None, TimeSpan.FromSeconds(5));
        var offenders = SourcesWhere(text => library.IsMatch(nonAot.Replace(text, string.Empty)));

        Assert.Empty(offenders);
    }

    [Fact]
    public void A_copy_of_an_object_with_managed_fields_keeps_them()
    {
        using var fields = JsonDocument.Parse("""{"f:data":{"f:client_secret":{}}}""");
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = "app-credentials",
                ManagedFields = [new V1ManagedFieldsEntry { Manager = "kong-identity-operator", Operation = "Update", FieldsType = "FieldsV1", FieldsV1 = fields.RootElement.Clone() }],
            },
            Data = new Dictionary<string, byte[]> { ["client_id"] = "app"u8.ToArray() },
        };

        var copy = EntityCopy.Clone(secret);

        Assert.NotSame(secret, copy);
        Assert.Equal("kong-identity-operator", Assert.Single(copy.Metadata.ManagedFields).Manager);
        Assert.Contains("f:client_secret", copy.Metadata.ManagedFields[0].FieldsV1.ToString(), StringComparison.Ordinal);
        Assert.Equal("app"u8.ToArray(), copy.Data["client_id"]);
    }

    /// <summary>The C# files of <c>src/</c> (build output left out) whose text matches, relative to the repository.</summary>
    private static List<string> SourcesWhere(Func<string, bool> matches) =>
        [.. Directory.GetFiles(RepositoryRoot.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => matches(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f))];
}
