using System.Diagnostics;
using System.Globalization;
using Prometheus;

namespace KongIdentityOperator.Runtime.Metrics;

/// <summary>
/// The process and GC series Prometheus clients export by convention (<c>process_*</c>, and <c>dotnet_*</c> in
/// place of Go's <c>go_memstats_*</c>), refreshed each time the registry is collected: what an operator costs in CPU
/// and memory, without attaching a profiler. prometheus-net's own process collector is not used because its names
/// differ (it has no <c>process_resident_memory_bytes</c>, for one).
/// </summary>
internal sealed class ProcessMetrics
{
    private readonly Counter _cpu;
    private readonly Gauge _residentMemory;
    private readonly Gauge _heapSize;
    private readonly Gauge _committed;
    private readonly Counter _allocated;
    private readonly Counter _collections;

    public ProcessMetrics(MetricsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var factory = registry.Factory;
        _cpu = factory.CreateCounter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.");
        _residentMemory = factory.CreateGauge("process_resident_memory_bytes", "Resident memory size in bytes.");
        factory.CreateGauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.")
            .Set(new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0);
        _heapSize = factory.CreateGauge("dotnet_gc_heap_size_bytes", "GC heap size (all generations, fragmentation included) after the last collection.");
        _committed = factory.CreateGauge("dotnet_gc_committed_bytes", "Memory the GC has committed (heap, free space kept for reuse, bookkeeping).");
        _allocated = factory.CreateCounter("dotnet_gc_allocated_bytes_total", "Bytes allocated on the GC heap since the process started.");
        _collections = factory.CreateCounter("dotnet_gc_collections_total", "Garbage collections by generation.", ["generation"]);
        registry.Collectors.AddBeforeCollectCallback(Update);
    }

    /// <summary>Brings every series up to date (a counter is raised to the process's own running total).</summary>
    public void Update()
    {
        _cpu.IncTo(Environment.CpuUsage.TotalTime.TotalSeconds);
        _residentMemory.Set(Environment.WorkingSet);
        var gc = GC.GetGCMemoryInfo();
        _heapSize.Set(gc.HeapSizeBytes);
        _committed.Set(gc.TotalCommittedBytes);
        // Precise: the imprecise count may lag by what threads hold in their allocation contexts, which made the total
        // look as if a fresh allocation had not happened. A scrape is rare enough to pay for it.
        _allocated.IncTo(GC.GetTotalAllocatedBytes(precise: true));
        for (var generation = 0; generation <= GC.MaxGeneration; generation++)
        {
            _collections.WithLabels(generation.ToString(CultureInfo.InvariantCulture)).IncTo(GC.CollectionCount(generation));
        }
    }
}
