namespace OpenC3.Silo;

/// <summary>
/// How long a member waits before trying again to reach what it needs at start (MariaDB, the schema,
/// a gateway): doubling from half a second, never more than <see cref="Longest"/>, for as long as it takes.
/// </summary>
public static class StartupBackoff
{
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);

    public static TimeSpan Delay(int failedAttempts) =>
        TimeSpan.FromMilliseconds(Math.Min(Longest.TotalMilliseconds, 500 * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 16))));
}
