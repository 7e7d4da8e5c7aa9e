namespace KongIdentityOperator.Sandbox.KubeApi.Kubeconfig;

/// <summary>Writes a kubeconfig with cluster, user and context all named <c>sandbox</c>.</summary>
internal static class KubeconfigWriter
{
    /// <summary>A placeholder credential: the sandbox authenticates nobody, but clients expect a user entry.</summary>
    private const string DummyToken = "sandbox-token";

    public static string Render(Uri server, string @namespace) =>
        $$"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: sandbox
          cluster:
            server: {{server.GetLeftPart(UriPartial.Authority)}}
        users:
        - name: sandbox
          user:
            token: {{DummyToken}}
        contexts:
        - name: sandbox
          context:
            cluster: sandbox
            user: sandbox
            namespace: {{@namespace}}
        current-context: sandbox
        preferences: {}

        """;

    public static void Write(string path, Uri server, string @namespace)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, Render(server, @namespace));
    }
}
