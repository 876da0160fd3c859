namespace OpenC3.Grains.Abstractions.Crontabs;

/// <summary>A crontab's switch; deleted ones are `deleted` and no longer listed.</summary>
public static class CrontabStatus
{
    public const string Available = "available";
    public const string Unavailable = "unavailable";
}
