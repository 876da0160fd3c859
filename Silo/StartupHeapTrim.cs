using System.Runtime;
using Microsoft.Extensions.Hosting;

namespace OpenC3.Silo;

/// <summary>
/// One full, compacting collection shortly after start. Starting the host leaves megabytes of garbage in the large
/// object heap and the older generations, and an idle product allocates too little for a full collection to ever
/// reclaim it; the aggressive mode also returns the freed memory to the operating system.
/// </summary>
internal sealed class StartupHeapTrim : BackgroundService
{
    /// <summary>Long enough for the silo's start-up work (schema, reminders, crontab activation) to be done.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(Settle, stoppingToken);
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
