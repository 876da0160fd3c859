namespace OpenC3.Grains.Storage;

/// <summary>
/// How long to wait before trying again to reach what is away (MariaDB, the schema, a gateway, a step's
/// grain while storage is down): doubling from half a second, never more than <see cref="Longest"/>.
/// </summary>
public static class RetryBackoff
{
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);

    public static TimeSpan Delay(int failedAttempts) =>
        TimeSpan.FromMilliseconds(Math.Min(Longest.TotalMilliseconds, 500 * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 16))));
}
