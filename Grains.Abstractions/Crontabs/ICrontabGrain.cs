namespace OpenC3.Grains.Abstractions.Crontabs;

/// <summary>
/// One crontab's schedule; the key is the crontab id. While the crontab is available it keeps a timer to
/// its next fire time and a watchdog reminder that brings it back after its silo died.
/// </summary>
[Alias("openc3.ICrontabGrain")]
public interface ICrontabGrain : IGrainWithIntegerKey
{
    /// <summary>Reads the crontab again and arms or disarms the schedule (after an edit, at silo start).</summary>
    Task Refresh();
}
