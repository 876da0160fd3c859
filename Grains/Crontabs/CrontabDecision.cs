using OpenC3.Grains.Abstractions.Crontabs;
namespace OpenC3.Grains.Crontabs;

/// <summary>
/// What a crontab owes at <c>now</c> for the fire times since its cursor (the instant up to which every
/// fire time was dealt with): the current minute is fired, older ones were missed while nothing ran the
/// crontab and are only recorded, never run late.
/// </summary>
/// <param name="Fire">The fire time to start now, if one is due.</param>
/// <param name="Missed">The missed fire times, oldest first, at most <see cref="MaxListed"/> of them.</param>
/// <param name="MissedCount">How many fire times were missed (at most <see cref="MaxCounted"/>).</param>
/// <param name="NextDue">When to look again.</param>
public sealed record CrontabDecision(DateTimeOffset? Fire, IReadOnlyList<DateTimeOffset> Missed, int MissedCount, DateTimeOffset? NextDue)
{
    /// <summary>A tick this late still fires its minute (a busy silo, a collection pause); later, the minute was missed.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);

    /// <summary>A day of every-minute fires: the missed minutes that are locked one by one.</summary>
    public const int MaxListed = 1440;

    /// <summary>Counting stops here (a schedule of every minute down for ten weeks).</summary>
    public const int MaxCounted = 100_000;

    /// <param name="schedule">The crontab's schedule.</param>
    /// <param name="cursor">Everything up to this instant was dealt with; null when the crontab was just switched on.</param>
    /// <param name="now">The current instant.</param>
    public static CrontabDecision At(CrontabSchedule schedule, DateTimeOffset? cursor, DateTimeOffset now)
    {
        var next = schedule.NextAfter(now);
        if (cursor is not { } after)
        {
            return new CrontabDecision(null, [], 0, next);
        }

        var missed = new List<DateTimeOffset>();
        var count = 0;
        DateTimeOffset? fire = null;
        foreach (var time in schedule.Between(after, now).Take(MaxCounted))
        {
            if (time > now - Grace)
            {
                fire = time;
                continue;
            }

            count++;
            if (missed.Count < MaxListed)
            {
                missed.Add(time);
            }
        }

        return new CrontabDecision(fire, missed, count, next);
    }
}
