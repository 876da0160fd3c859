namespace OpenC3.Silo;

/// <summary>The arithmetic of <see cref="ProcessStatistics"/>.</summary>
public static class LoadSmoothing
{
    /// <summary>How much of the way down to a lower reading one reading goes.</summary>
    private const double Decay = 0.2;

    /// <summary>The process's share of all cores over a window, in percent (as the runtime's `cpu-usage` counter).</summary>
    public static float CpuPercent(TimeSpan cpuTime, TimeSpan window, int processors) =>
        window <= TimeSpan.Zero || processors <= 0 ? 0f : (float)Math.Clamp(cpuTime / window / processors * 100, 0, 100);

    /// <summary>
    /// A rise is taken at once, a fall a fifth of the way per reading: a silo that just got busy is avoided by placement
    /// at once, one that just went quiet is trusted again only gradually.
    /// </summary>
    public static double Next(double previous, double reading) =>
        reading >= previous ? reading : previous + (reading - previous) * Decay;
}
