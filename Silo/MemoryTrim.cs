using System.Runtime;
using Microsoft.Extensions.Hosting;

namespace OpenC3.Silo;

/// <summary>
/// Gives memory the product no longer uses back to the operating system. Starting the host leaves megabytes of garbage
/// in the large object heap and the older generations, and an idle product allocates too little for a full collection
/// to ever reclaim it: one aggressive, compacting collection shortly after start returns it. The C library's heap
/// keeps what it freed in the middle (the JIT compiling each method at its first call, OpenSSL, SQLite): it is trimmed
/// then and every half minute after, which costs about a millisecond (<see cref="NativeHeapTrim"/>).
/// </summary>
internal sealed class MemoryTrim : BackgroundService
{
    /// <summary>Long enough for the silo's start-up work (schema, reminders, crontab activation) to be done.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan NativeTrimInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(Settle, stoppingToken);
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeapTrim.Release();
        using var timer = new PeriodicTimer(NativeTrimInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            NativeHeapTrim.Release();
    }
}
