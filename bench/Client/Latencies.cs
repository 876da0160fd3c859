namespace OpenC3.Bench;

/// <summary>Percentiles (nearest rank) of latencies in milliseconds.</summary>
public sealed class Latencies(IEnumerable<double> milliseconds)
{
    private readonly double[] sorted = [.. milliseconds.Order()];

    public double Percentile(double p) => sorted.Length == 0 ? double.NaN : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
}
