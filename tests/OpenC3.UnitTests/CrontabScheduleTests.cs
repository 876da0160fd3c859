using OpenC3.Grains.Abstractions.Crontabs;

namespace OpenC3.UnitTests;

public sealed class CrontabScheduleTests
{
    private static readonly TimeZoneInfo Berlin = CrontabSchedule.FindZone("Europe/Berlin")!;

    [Theory]
    [InlineData("* * * * *")]
    [InlineData("*/5 0-6 1,15 * 1-5")]
    [InlineData("0 0 * * 7")]
    [InlineData("5/10 * * * *")]
    [InlineData("0  9\t* *  0-7")]
    public void ValidExpressions_HaveNoError(string cron) => Assert.Null(CrontabSchedule.FormatError(cron));

    [Theory]
    [InlineData("* * * *", "crontab format err")]
    [InlineData("* * * * * *", "crontab format err")]
    [InlineData("@daily", "crontab format err")]
    [InlineData("* * * * MON", "crontab format err")]
    [InlineData("60 * * * *", "crontab format err: minute")]
    [InlineData("5-5 * * * *", "crontab format err: minute")]
    [InlineData("*/0 * * * *", "crontab format err: minute")]
    [InlineData(",5 * * * *", "crontab format err: minute")]
    [InlineData("* 24 * * *", "crontab format err: hour")]
    [InlineData("* * 0 * *", "crontab format err: day")]
    [InlineData("* * * 13 *", "crontab format err: month")]
    [InlineData("* * * * 8", "crontab format err: week")]
    [InlineData("* * * * 5-1", "crontab format err: week")]
    public void BadExpressions_NameTheirField_AsUpstream(string cron, string error) => Assert.Equal(error, CrontabSchedule.FormatError(cron));

    [Fact]
    public void TimeZones_AreIanaNames_EmptyMeaningTheServers()
    {
        Assert.Equal(TimeZoneInfo.Local, CrontabSchedule.FindZone(""));
        Assert.NotNull(CrontabSchedule.FindZone("Asia/Shanghai"));
        Assert.Null(CrontabSchedule.FindZone("Mars/Olympus_Mons"));
        Assert.Null(CrontabSchedule.FindZone("China Standard Time"));
    }

    [Fact]
    public void NextFire_IsTheWallClockMinute_InTheCrontabsZone()
    {
        var schedule = CrontabSchedule.Parse("0 9 * * 1-5", CrontabSchedule.FindZone("Asia/Shanghai")!);
        // Friday 2024-06-07 10:00 in Shanghai: the next weekday 09:00 is Monday, 01:00 UTC.
        Assert.Equal(At("2024-06-10T01:00:00Z"), schedule.NextAfter(At("2024-06-07T02:00:00Z")));
    }

    [Fact]
    public void SpringForward_ATimeInTheGap_RunsWhenTheClockJumps()
    {
        var schedule = CrontabSchedule.Parse("30 2 * * *", Berlin);
        // 2024-03-31 02:00 CET jumps to 03:00 CEST (01:00 UTC): 02:30 does not exist that night.
        Assert.Equal(At("2024-03-31T01:00:00Z"), schedule.NextAfter(At("2024-03-30T12:00:00Z")));
        Assert.Equal(At("2024-04-01T00:30:00Z"), schedule.NextAfter(At("2024-03-31T01:00:00Z")));
    }

    [Fact]
    public void FallBack_AFixedTimeRunsOnce_AnIntervalRunsInBothHours()
    {
        var night = (From: At("2024-10-26T22:00:00Z"), To: At("2024-10-27T03:00:00Z"));
        // 2024-10-27 03:00 CEST goes back to 02:00 CET: 02:00-02:59 happens twice.
        var fixedTime = CrontabSchedule.Parse("30 2 * * *", Berlin).Between(night.From, night.To).ToList();
        Assert.Equal([At("2024-10-27T00:30:00Z")], fixedTime);
        var interval = CrontabSchedule.Parse("*/30 2 * * *", Berlin).Between(night.From, night.To).ToList();
        Assert.Equal([At("2024-10-27T00:00:00Z"), At("2024-10-27T00:30:00Z"), At("2024-10-27T01:00:00Z"), At("2024-10-27T01:30:00Z")], interval);
    }

    [Fact]
    public void DayAndWeekday_BothRestricted_EitherMatches_AsSystemCron()
    {
        var schedule = CrontabSchedule.Parse("0 0 13 * 5", TimeZoneInfo.Utc);
        var days = schedule.Between(At("2024-09-01T00:00:00Z"), At("2024-10-14T00:00:00Z")).Select(t => t.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        // Fridays, plus the 13th of October (a Sunday); Friday the 13th of September only once.
        Assert.Equal(["09-06", "09-13", "09-20", "09-27", "10-04", "10-11", "10-13"], days);
        // A day field starting with `*` counts as unrestricted in system cron: then both must match (odd-day Fridays: 13th, 27th).
        Assert.Equal(2, CrontabSchedule.Parse("0 0 */2 * 5", TimeZoneInfo.Utc).Between(At("2024-09-01T00:00:00Z"), At("2024-10-01T00:00:00Z")).Count());
    }

    [Fact]
    public void Weekday7_IsSunday() =>
        Assert.Equal(At("2024-09-08T00:00:00Z"), CrontabSchedule.Parse("0 0 * * 7", TimeZoneInfo.Utc).NextAfter(At("2024-09-02T00:00:00Z")));

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
