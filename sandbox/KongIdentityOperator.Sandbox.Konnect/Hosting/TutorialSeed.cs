using System.Text.Json;
using KongIdentityOperator.Sandbox.Konnect.ControlPlanes;
using KongIdentityOperator.Sandbox.Konnect.CoreEntities;
using KongIdentityOperator.Sandbox.Konnect.Http;

namespace KongIdentityOperator.Sandbox.Konnect.Hosting;

/// <summary>
/// What the tutorial's decK step makes: control plane <c>quickstart</c>, service <c>example-service</c>
/// (http://httpbin.konghq.com/anything) and route <c>example-route</c> (<c>/anything</c>).
/// </summary>
internal sealed class TutorialSeed(ControlPlaneService planes, ServiceOperations services, RouteOperations routes)
{
    public const string ControlPlaneName = "quickstart";

    public void Apply()
    {
        var plane = planes.Create(new ControlPlaneChanges(ControlPlaneName, "Quickstart control plane (seeded by the emulator)", null, null, null, null, null));
        var service = services.Create(plane.Id, GatewayServiceReader.Read(Body("""{"name":"example-service","url":"http://httpbin.konghq.com/anything"}"""), null));
        routes.Create(plane.Id, GatewayRouteReader.Read(Body($$$"""{"name":"example-route","paths":["/anything"],"service":{"id":"{{{service.Id}}}"}}"""), null));
    }

    private static JsonBodyReader Body(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new JsonBodyReader(document.RootElement.Clone());
    }
}
