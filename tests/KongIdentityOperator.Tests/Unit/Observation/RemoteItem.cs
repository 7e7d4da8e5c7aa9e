namespace KongIdentityOperator.Tests.Unit.Observation;

/// <summary>A remote object of the <see cref="FakeRemote"/>.</summary>
internal sealed record RemoteItem(string Id, int Version);
