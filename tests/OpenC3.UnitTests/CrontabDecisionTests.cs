using OpenC3.Grains.Abstractions.Crontabs;
using OpenC3.Grains.Crontabs;

namespace OpenC3.UnitTests;

public sealed class CrontabDecisionTests
{
    private static readonly CrontabSchedule EveryMinute = CrontabSchedule.Parse("* * * * *", TimeZoneInfo.Utc);
    private static readonly DateTimeOffset Minute = new(2024, 9, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void JustSwitchedOn_OwesNothing_AndWaitsForTheNextMinute()
    {
        var decision = CrontabDecision.At(EveryMinute, null, Minute.AddSeconds(20));
        Assert.Null(decision.Fire);
        Assert.Empty(decision.Missed);
        Assert.Equal(Minute.AddMinutes(1), decision.NextDue);
    }

    [Fact]
    public void TickAtTheMinute_FiresIt()
    {
        var decision = CrontabDecision.At(EveryMinute, Minute.AddSeconds(-59.9), Minute.AddMilliseconds(5));
        Assert.Equal(Minute, decision.Fire);
        Assert.Empty(decision.Missed);
        Assert.Equal(Minute.AddMinutes(1), decision.NextDue);
    }

    [Fact]
    public void ASecondTickInTheSameMinute_OwesNothing()
    {
        var decision = CrontabDecision.At(EveryMinute, Minute.AddMilliseconds(5), Minute.AddSeconds(2));
        Assert.Null(decision.Fire);
        Assert.Empty(decision.Missed);
    }

    [Fact]
    public void ALateTickWithinTheGrace_StillFires_LaterItIsMissed()
    {
        Assert.Equal(Minute, CrontabDecision.At(EveryMinute, Minute.AddMinutes(-1), Minute + CrontabDecision.Grace - TimeSpan.FromSeconds(1)).Fire);

        var late = CrontabDecision.At(EveryMinute, Minute.AddMinutes(-1), Minute.AddSeconds(40));
        Assert.Null(late.Fire);
        Assert.Equal([Minute], late.Missed);
    }

    [Fact]
    public void AfterAnOutage_TheMissedMinutesAreListed_AndOnlyTheCurrentOneFires()
    {
        var decision = CrontabDecision.At(EveryMinute, Minute.AddMinutes(-10).AddSeconds(0.2), Minute.AddSeconds(0.3));
        Assert.Equal(Minute, decision.Fire);
        Assert.Equal(9, decision.MissedCount);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => Minute.AddMinutes(-10 + i)), decision.Missed);
    }

    [Fact]
    public void ALongOutage_ListsADayOfMinutes_AndCountsTheRest()
    {
        var decision = CrontabDecision.At(EveryMinute, Minute.AddDays(-3), Minute.AddSeconds(30));
        Assert.Null(decision.Fire);
        Assert.Equal(CrontabDecision.MaxListed, decision.Missed.Count);
        Assert.Equal(3 * 1440, decision.MissedCount);
        Assert.Equal(Minute.AddDays(-3).AddMinutes(1), decision.Missed[0]);
    }

    [Fact]
    public void RunIds_AreUpstreamUuids_OnePerCrontabAndMinute_AndDependOnTheKey()
    {
        byte[] key = [1, 2, 3, 4];
        var id = CrontabRunId.For(key, 7, Minute);
        Assert.Matches("^[A-Za-z0-9]{11}[a-z]$", id);
        Assert.Equal(id, CrontabRunId.For(key, 7, Minute.AddSeconds(59)));
        Assert.NotEqual(id, CrontabRunId.For(key, 7, Minute.AddMinutes(1)));
        Assert.NotEqual(id, CrontabRunId.For(key, 8, Minute));
        Assert.NotEqual(id, CrontabRunId.For([1, 2, 3, 5], 7, Minute));
        Assert.NotEqual(id, CrontabRunId.LostFor(key, 7, Minute));
        Assert.Matches("^[A-Za-z0-9]{11}[a-z]$", CrontabRunId.LostFor(key, 7, Minute));
        Assert.Equal(Minute.ToUnixTimeSeconds() / 60, CrontabRunId.TimeId(Minute.AddSeconds(30)));
    }
}
