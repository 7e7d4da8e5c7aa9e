using System.Diagnostics;

namespace KongIdentityOperator.Runtime.Metrics;

/// <summary>
/// The process and GC series Prometheus clients export by convention (<c>process_*</c>, and <c>dotnet_*</c> in
/// place of Go's <c>go_memstats_*</c>), refreshed when <c>/metrics</c> is scraped: what an operator costs in CPU
/// and memory, without attaching a profiler.
/// </summary>
internal sealed class ProcessMetrics
{
    private readonly Lock _lock = new();
    private readonly Counter.Child _cpu;
    private readonly Gauge.Child _residentMemory;
    private readonly Gauge.Child _heapSize;
    private readonly Gauge.Child _committed;
    private readonly Counter.Child _allocated;
    private readonly Counter _collections;
    private double _cpuSeen;
    private double _allocatedSeen;
    private readonly int[] _collectionsSeen = new int[GC.MaxGeneration + 1];

    public ProcessMetrics(MetricsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _cpu = registry.CreateCounter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.").WithLabels();
        _residentMemory = registry.CreateGauge("process_resident_memory_bytes", "Resident memory size in bytes.").WithLabels();
        registry.CreateGauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.")
            .Set(new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0);
        _heapSize = registry.CreateGauge("dotnet_gc_heap_size_bytes", "GC heap size (all generations, fragmentation included) after the last collection.").WithLabels();
        _committed = registry.CreateGauge("dotnet_gc_committed_bytes", "Memory the GC has committed (heap, free space kept for reuse, bookkeeping).").WithLabels();
        _allocated = registry.CreateCounter("dotnet_gc_allocated_bytes_total", "Bytes allocated on the GC heap since the process started.").WithLabels();
        _collections = registry.CreateCounter("dotnet_gc_collections_total", "Garbage collections by generation.", "generation");
    }

    /// <summary>Brings every series up to date (counters move by what happened since the last scrape).</summary>
    public void Update()
    {
        lock (_lock)
        {
            var cpu = Environment.CpuUsage.TotalTime.TotalSeconds;
            _cpu.Inc(Math.Max(0, cpu - _cpuSeen));
            _cpuSeen = Math.Max(cpu, _cpuSeen);
            _residentMemory.Set(Environment.WorkingSet);
            var gc = GC.GetGCMemoryInfo();
            _heapSize.Set(gc.HeapSizeBytes);
            _committed.Set(gc.TotalCommittedBytes);
            var allocated = (double)GC.GetTotalAllocatedBytes();
            _allocated.Inc(Math.Max(0, allocated - _allocatedSeen));
            _allocatedSeen = Math.Max(allocated, _allocatedSeen);
            for (var generation = 0; generation < _collectionsSeen.Length; generation++)
            {
                var count = GC.CollectionCount(generation);
                _collections.WithLabels(generation.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc(Math.Max(0, count - _collectionsSeen[generation]));
                _collectionsSeen[generation] = Math.Max(count, _collectionsSeen[generation]);
            }
        }
    }
}
