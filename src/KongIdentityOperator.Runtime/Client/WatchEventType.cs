#if K8S_AOT_PACKAGE
// KubernetesClient.Aot leaves out the library's Watcher, and with it this enum; the runtime's watch needs it under the
// same name so that one source compiles against both packages (see src/KubernetesClientPackage.props).
#pragma warning disable IDE0130 // The namespace is the library's on purpose.
namespace k8s;

/// <summary>The type of a watch event, as KubernetesClient names it.</summary>
public enum WatchEventType
{
    /// <summary>An object was added.</summary>
    Added,

    /// <summary>An object was modified.</summary>
    Modified,

    /// <summary>An object was deleted.</summary>
    Deleted,

    /// <summary>An error; the object is a Status.</summary>
    Error,

    /// <summary>A bookmark: only the resourceVersion is meaningful.</summary>
    Bookmark,
}
#endif
