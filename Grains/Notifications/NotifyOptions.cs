namespace OpenC3.Grains.Notifications;

/// <summary>`Notify:*` — how often a failed delivery is tried again.</summary>
public sealed class NotifyOptions
{
    public const string Section = "Notify";

    /// <summary>Attempts per delivery, the first included; after the last the delivery is recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt; it doubles for each attempt after.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan DelayAfter(int attempt) => RetryDelay * Math.Pow(2, Math.Max(0, attempt - 1));

    public void Validate()
    {
        if (MaxAttempts < 1 || RetryDelay <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Notify:MaxAttempts must be at least 1 and Notify:RetryDelay positive.");
        }
    }
}
