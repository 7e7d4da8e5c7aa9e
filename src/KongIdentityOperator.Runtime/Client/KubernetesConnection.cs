using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.Authentication;
using k8s.Exceptions;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// Where and how the runtime's client reaches the API server: base URI, an <see cref="HttpClient"/> with the
/// configuration's TLS settings and client certificate, and its credentials. Built from a
/// <see cref="KubernetesClientConfiguration"/> the way KubernetesClient's <see cref="Kubernetes"/> builds its own, without
/// constructing one: that constructor reaches KubernetesClient's JSON context for every model, which a Native AOT build
/// would then keep whole (most of the executable's size and idle memory).
/// </summary>
internal sealed record KubernetesConnection(Uri BaseUri, HttpClient HttpClient, ServiceClientCredentials? Credentials, TimeSpan RequestTimeout, string? TlsServerName)
{
    /// <summary>The connection of an existing <see cref="Kubernetes"/> instance (tests and tools that build their own).</summary>
    public static KubernetesConnection From(IKubernetes kubernetes)
    {
        var instance = kubernetes as Kubernetes
            ?? throw new ArgumentException($"The runtime's client needs a {nameof(Kubernetes)} instance.", nameof(kubernetes));
        return new(instance.BaseUri, instance.HttpClient, instance.Credentials, instance.HttpClientTimeout, null);
    }

    /// <summary>A connection of its own from the configuration (the operator's case).</summary>
    public static KubernetesConnection Create(KubernetesClientConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (string.IsNullOrWhiteSpace(config.Host) || !Uri.TryCreate(config.Host, UriKind.Absolute, out var host))
        {
            throw new KubeConfigException("The Kubernetes configuration has no valid host URL.");
        }

        // Same handler settings as KubernetesClient's: HTTP/2 keep-alive pings on idle watches.
        var handler = new SocketsHttpHandler
        {
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            KeepAlivePingDelay = TimeSpan.FromMinutes(3),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            EnableMultipleHttp2Connections = true,
        };
        handler.SslOptions.ClientCertificates = [];
        config.FirstMessageHandlerSetup?.Invoke(handler);

        if (host.Scheme == Uri.UriSchemeHttps)
        {
            if (config.SkipTlsVerify)
            {
                // The configuration asks for it (insecure-skip-tls-verify), as KubernetesClient honours it.
#pragma warning disable CA5359
                handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
            }
            else if (config.SslCaCerts is { } caCerts)
            {
                // Only the configuration's CAs are trusted, as KubernetesClient does.
                var trusted = new X509Certificate2Collection(caCerts);
                handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    certificate is not null && chain is not null && Kubernetes.CertificateValidationCallBack(sender, trusted, certificate, chain, errors);
            }
        }

        if (ClientCertificate(config) is { } clientCertificate)
        {
            handler.SslOptions.ClientCertificates.Add(clientCertificate);
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        var httpClient = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        if (!string.IsNullOrWhiteSpace(config.UserAgent))
        {
            httpClient.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", config.UserAgent);
        }

        var baseUri = host.AbsoluteUri.EndsWith('/') ? host : new Uri(host.AbsoluteUri + "/");
        return new(baseUri, httpClient, Kubernetes.CreateCredentials(config), config.HttpClientTimeout, config.TlsServerName);
    }

    // The client certificate and key, inline (base64 PEM) or from files; a file wins over inline data.
    private static X509Certificate2? ClientCertificate(KubernetesClientConfiguration config)
    {
        var certificate = Pem(config.ClientCertificateFilePath, config.ClientCertificateData);
        var key = Pem(config.ClientKeyFilePath, config.ClientCertificateKeyData);
        return certificate is null || key is null ? null : X509Certificate2.CreateFromPem(certificate, key);
    }

    private static string? Pem(string? path, string? base64) =>
        !string.IsNullOrWhiteSpace(path) ? File.ReadAllText(path)
        : !string.IsNullOrWhiteSpace(base64) ? Encoding.UTF8.GetString(Convert.FromBase64String(base64))
        : null;
}
