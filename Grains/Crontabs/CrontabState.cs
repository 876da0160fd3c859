namespace OpenC3.Grains.Crontabs;

public sealed class CrontabState
{
    /// <summary>Every fire time up to this instant was fired, recorded missed, or skipped; null while the crontab is off.</summary>
    public DateTimeOffset? Cursor { get; set; }
}
