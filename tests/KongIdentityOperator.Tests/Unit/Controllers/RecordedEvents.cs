using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Events;

namespace KongIdentityOperator.Tests.Unit.Controllers;

/// <summary>The events the controllers publish, in order.</summary>
internal sealed class RecordedEvents
{
    private readonly Lock _gate = new();
    private readonly List<(string Name, string Reason, string Message, EventType Type)> _events = [];

    public EventPublisher Publisher => (entity, reason, message, type, _) =>
    {
        lock (_gate)
        {
            _events.Add((entity.Metadata.Name, reason, message, type));
        }

        return Task.CompletedTask;
    };

    public IReadOnlyList<(string Name, string Reason, string Message, EventType Type)> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<string> Reasons(string name) => [.. All.Where(e => e.Name == name).Select(e => e.Reason)];

    public void Clear()
    {
        lock (_gate)
        {
            _events.Clear();
        }
    }
}
