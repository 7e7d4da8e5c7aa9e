using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Patching;

/// <summary>
/// Field ownership (<c>metadata.managedFields</c>) as the real server's field manager keeps it. Server-side apply
/// makes the applier own exactly the fields of its configuration: a field another manager owns with a different
/// value is a 409 conflict unless forced (then ownership moves), and a field the applier stops sending that nobody
/// else owns is removed (and so defaulted again). Other writes (create, update, patch) give the writer the fields it
/// added or changed and take them from everyone else.
/// </summary>
internal static class FieldManager
{
    private const string ConflictCause = "FieldManagerConflict";

    public static JsonObject Apply(
        ResourceDefinition definition, JsonObject live, JsonObject configuration, string manager, bool force, bool statusOnly, DateTimeOffset now)
    {
        var types = new ListTypes(definition);
        var config = configuration.Clone();
        config.Metadata().Remove("managedFields");
        var entries = ManagedFieldsEntry.Read(live.Metadata()["managedFields"]);
        var subresource = statusOnly ? "status" : string.Empty;
        var applied = FieldPaths.Members(config, types, definition.HasStatusSubresource, statusOnly).Keys.ToHashSet(StringComparer.Ordinal);
        var mine = entries.FirstOrDefault(e => e.Manager == manager && e.Operation == ManagedFieldsEntry.Apply && e.Subresource == subresource);
        var others = entries.Where(e => !ReferenceEquals(e, mine)).ToList();

        var merged = ApplyMerge.Merge(live, config, types);
        if (mine is not null)
        {
            var ownedByOthers = others.SelectMany(e => e.Fields).ToHashSet(StringComparer.Ordinal);
            foreach (var path in mine.Fields.Where(p => !applied.Contains(p) && !ownedByOthers.Contains(p)).OrderByDescending(p => p.Length))
            {
                FieldPaths.Remove(merged, path, types);
            }
        }

        var (changed, removed) = Compare(definition, types, live, merged, statusOnly);
        var conflicts = others
            .SelectMany(e => e.Fields.Where(changed.Contains).Select(path => (Entry: e, Path: path)))
            .OrderBy(c => c.Entry.Manager, StringComparer.Ordinal)
            .ThenBy(c => c.Path, StringComparer.Ordinal)
            .ToList();
        if (conflicts.Count > 0 && !force)
        {
            throw ConflictError(conflicts);
        }

        var result = others.Select(e => Without(e, changed, removed)).ToList();
        var keepTime = mine is not null && mine.Fields.SetEquals(applied) && mine.ApiVersion == definition.ApiVersion;
        result.Add(new ManagedFieldsEntry(
            manager, ManagedFieldsEntry.Apply, definition.ApiVersion, keepTime ? mine!.Time : Timestamps.Format(now), subresource, applied));
        SetEntries(merged, result);
        return merged;
    }

    /// <summary>Records a create, update or non-apply patch by <paramref name="manager"/> in <paramref name="next"/>.</summary>
    public static void RecordUpdate(ResourceDefinition definition, JsonObject? old, JsonObject next, string manager, bool statusOnly, DateTimeOffset now)
    {
        var types = new ListTypes(definition);
        var previous = old?.Metadata()["managedFields"];
        var incoming = next.Metadata()["managedFields"];

        // Like the real server, non-empty managedFields sent with a write replace the stored ones (that is how clients
        // reset them); an empty list is ignored, so clients unaware of the field never strip it.
        var replaced = incoming is JsonArray { Count: > 0 } && !JsonNode.DeepEquals(incoming, previous);
        var entries = ManagedFieldsEntry.Read(replaced ? incoming : previous);
        var (changed, removed) = Compare(definition, types, old ?? [], next, statusOnly);
        var subresource = statusOnly ? "status" : string.Empty;
        var mine = entries.FirstOrDefault(e =>
            e.Manager == manager && e.Operation == ManagedFieldsEntry.Update && e.ApiVersion == definition.ApiVersion && e.Subresource == subresource);
        var result = entries.Where(e => !ReferenceEquals(e, mine)).Select(e => Without(e, changed, removed)).ToList();
        var fields = (mine?.Fields ?? []).Where(p => !removed.Contains(p)).Concat(changed).ToHashSet(StringComparer.Ordinal);
        var keepTime = mine is not null && mine.Fields.SetEquals(fields);
        result.Add(new ManagedFieldsEntry(
            manager, ManagedFieldsEntry.Update, definition.ApiVersion, keepTime ? mine!.Time : Timestamps.Format(now), subresource, fields));
        SetEntries(next, result);
    }

    /// <summary>The entries of a server-side apply that creates the object.</summary>
    public static void RecordApplyCreate(ResourceDefinition definition, JsonObject created, JsonObject configuration, string manager, DateTimeOffset now)
    {
        var config = configuration.Clone();
        config.Metadata().Remove("managedFields");
        var applied = FieldPaths.Members(config, new ListTypes(definition), definition.HasStatusSubresource, statusOnly: false).Keys;
        SetEntries(created, [new ManagedFieldsEntry(manager, ManagedFieldsEntry.Apply, definition.ApiVersion, Timestamps.Format(now), string.Empty, [.. applied])]);
    }

    /// <summary>Paths added or changed (leaves by value, list items by presence) and paths gone.</summary>
    private static (HashSet<string> Changed, HashSet<string> Removed) Compare(
        ResourceDefinition definition, ListTypes types, JsonObject before, JsonObject after, bool statusOnly)
    {
        var old = FieldPaths.Members(before, types, definition.HasStatusSubresource, statusOnly);
        var next = FieldPaths.Members(after, types, definition.HasStatusSubresource, statusOnly);
        var changed = next
            .Where(m => !old.TryGetValue(m.Key, out var was) || !JsonNode.DeepEquals(was, m.Value))
            .Select(m => m.Key)
            .ToHashSet(StringComparer.Ordinal);
        var removed = old.Keys.Where(k => !next.ContainsKey(k)).ToHashSet(StringComparer.Ordinal);
        return (changed, removed);
    }

    private static ManagedFieldsEntry Without(ManagedFieldsEntry entry, HashSet<string> changed, HashSet<string> removed) =>
        entry with { Fields = entry.Fields.Where(p => !changed.Contains(p) && !removed.Contains(p)).ToHashSet(StringComparer.Ordinal) };

    private static void SetEntries(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        var written = ManagedFieldsEntry.Write(entries);
        if (written.Count == 0)
        {
            obj.Metadata().Remove("managedFields");
        }
        else
        {
            obj.Metadata()["managedFields"] = written;
        }
    }

    /// <summary>The real server's apply conflict: 409 with one FieldManagerConflict cause per field.</summary>
    private static StatusException ConflictError(List<(ManagedFieldsEntry Entry, string Path)> conflicts)
    {
        string message;
        if (conflicts.Count == 1)
        {
            message = $"Apply failed with 1 conflict: conflict with {conflicts[0].Entry.Describe()}: {FieldPaths.Pretty(conflicts[0].Path)}";
        }
        else
        {
            var lines = conflicts
                .GroupBy(c => c.Entry.Describe(), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => new[] { $"conflicts with {g.Key}:" }.Concat(g.Select(c => $"- {FieldPaths.Pretty(c.Path)}")));
            message = $"Apply failed with {conflicts.Count} conflicts: {string.Join('\n', lines)}";
        }

        return new StatusException(409, StatusReasons.Conflict, message, new StatusDetails(null, null, null)
        {
            Causes = [.. conflicts.Select(c => new StatusCause(ConflictCause, $"conflict with {c.Entry.Describe()}", FieldPaths.Pretty(c.Path)))],
        });
    }
}
