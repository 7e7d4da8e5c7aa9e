namespace KongIdentityOperator.Runtime.Builder;

/// <summary>Options of a secondary watch (<see cref="ControllerOptions{TEntity}.Watch{TOther}"/>).</summary>
public sealed class WatchOptions
{
    /// <summary>Only objects matching this label selector are watched. Every watch of one kind must use the same selector.</summary>
    public string? LabelSelector { get; set; }

    /// <summary>
    /// Only objects matching at least one of these label selectors are watched: Kubernetes ANDs the terms of one
    /// selector, so an "or" takes one list+watch per selector, merged into the one cache of the kind. Every watch of
    /// one kind must name the same selectors.
    /// </summary>
    public IList<string> AnyOfLabelSelectors { get; } = [];

    /// <summary>
    /// Keep full objects in a cache readable through <c>IEntityCache&lt;TOther&gt;</c> (for example Secrets that
    /// controllers read without GETs). Without it only metadata is kept.
    /// </summary>
    public bool KeepCache { get; set; }
}
