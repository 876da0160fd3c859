using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Statistics;

namespace OpenC3.Silo;

/// <summary>
/// The silo's CPU and memory figures for Orleans' placement, overload and collection decisions, with the CPU usage
/// read from the process's own CPU time. Orleans' default provider subscribes to the runtime's event counters once a
/// second only to learn the CPU usage, which makes the runtime compute and publish all of its counters every second:
/// about 36 KB of garbage a second in an idle product, so its RSS grew by 2 MB a minute (README, Footprint).
/// </summary>
public sealed class ProcessStatistics : IEnvironmentStatisticsProvider
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>Orleans builds the figures through an internal constructor; without it the default provider stays.</summary>
    private static readonly ConstructorInfo? Figures = typeof(EnvironmentStatistics).GetConstructor(
        BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, [typeof(float), typeof(float), typeof(long), typeof(long), typeof(long), typeof(long), typeof(long)]);

    private readonly Lock gate = new();
    private long sampledAt = Stopwatch.GetTimestamp();
    private TimeSpan cpuAt = Environment.CpuUsage.TotalTime;
    private float cpu;
    private float filteredCpu;
    private double filteredMemory = -1;

    public static bool Supported => Figures is not null;

    /// <summary>Takes the place of Orleans' default, which `UseOrleans` and `UseOrleansClient` add before their delegates run.</summary>
    public static void ReplaceDefault(IServiceCollection services)
    {
        if (Supported)
        {
            services.RemoveAll<IEnvironmentStatisticsProvider>();
            services.AddSingleton<IEnvironmentStatisticsProvider, ProcessStatistics>();
        }
    }

    public EnvironmentStatistics GetEnvironmentStatistics()
    {
        var memory = GC.GetGCMemoryInfo();
        var maximum = memory.TotalAvailableMemoryBytes;
        var used = Math.Clamp(memory.TotalCommittedBytes - memory.FragmentedBytes, 0, maximum);
        lock (gate)
        {
            var elapsed = Stopwatch.GetElapsedTime(sampledAt);
            if (elapsed >= Window)
            {
                var cpuNow = Environment.CpuUsage.TotalTime;
                cpu = LoadSmoothing.CpuPercent(cpuNow - cpuAt, elapsed, Environment.ProcessorCount);
                filteredCpu = (float)LoadSmoothing.Next(filteredCpu, cpu);
                (sampledAt, cpuAt) = (Stopwatch.GetTimestamp(), cpuNow);
            }

            filteredMemory = filteredMemory < 0 ? used : LoadSmoothing.Next(filteredMemory, used);
            var filteredUsed = Math.Clamp((long)filteredMemory, 0, maximum);
            return (EnvironmentStatistics)Figures!.Invoke([filteredCpu, cpu, filteredUsed, used, maximum - filteredUsed, maximum - used, maximum]);
        }
    }
}
