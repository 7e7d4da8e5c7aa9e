using System.Text.Json;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>The <c>Service</c> schema as the core-entities API returns it (timestamps in unix seconds).</summary>
internal sealed record GatewayServiceResponse(
    Guid Id,
    string? Name,
    string Host,
    int Port,
    string Protocol,
    string? Path,
    int Retries,
    int ConnectTimeout,
    int WriteTimeout,
    int ReadTimeout,
    bool Enabled,
    IReadOnlyList<string>? Tags,
    bool? TlsVerify,
    int? TlsVerifyDepth,
    IReadOnlyList<string>? CaCertificates,
    ForeignKey? ClientCertificate,
    JsonElement? TlsSans,
    long CreatedAt,
    long UpdatedAt)
{
    public static GatewayServiceResponse From(GatewayService service) => new(
        service.Id,
        service.Name,
        service.Host,
        service.Port,
        service.Protocol,
        service.Path,
        service.Retries,
        service.ConnectTimeout,
        service.WriteTimeout,
        service.ReadTimeout,
        service.Enabled,
        service.Tags,
        service.TlsVerify,
        service.TlsVerifyDepth,
        service.CaCertificates,
        service.ClientCertificateId is null ? null : new ForeignKey(service.ClientCertificateId),
        service.TlsSans,
        service.CreatedAt.ToUnixTimeSeconds(),
        service.UpdatedAt.ToUnixTimeSeconds());
}
