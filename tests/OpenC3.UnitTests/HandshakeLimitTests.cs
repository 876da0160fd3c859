using OpenC3.Grains.Execution;

namespace OpenC3.UnitTests;

public sealed class HandshakeLimitTests
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(3);
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void FastHandshakes_RaiseTheLimitByOneEach_UpToTheMaximum()
    {
        var limit = new HandshakeLimit(initial: 4, max: 10, Target);
        var seen = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            limit.Completed(Fast, Start);
            seen.Add(limit.Current);
        }

        Assert.Equal([5, 6, 7, 8, 9, 10, 10, 10], seen);
        Assert.Equal(0, limit.SlowCompletions);
    }

    [Fact]
    public void ASlowHandshake_HalvesTheLimit_OncePerTarget_AndCountsAsSaturation()
    {
        var limit = new HandshakeLimit(initial: 64, max: 64, Target);
        limit.Completed(Slow, Start);
        Assert.Equal(32, limit.Current);

        // The rest of the same overloaded round finishes slow too: one halving is enough for it.
        limit.Completed(Slow, Start + TimeSpan.FromSeconds(1));
        Assert.Equal(32, limit.Current);

        limit.Completed(Slow, Start + Target);
        Assert.Equal(16, limit.Current);
        Assert.Equal(3, limit.SlowCompletions);
    }

    [Fact]
    public void AfterASlowdown_TheLimitGrowsByOnePerRound()
    {
        var limit = new HandshakeLimit(initial: 20, max: 64, Target);
        limit.Completed(Slow, Start);
        Assert.Equal(10, limit.Current);

        for (var i = 0; i < 5; i++)
        {
            limit.Completed(Fast, Start);
        }

        Assert.Equal(10, limit.Current);
        for (var i = 0; i < 6; i++)
        {
            limit.Completed(Fast, Start);
        }

        Assert.Equal(11, limit.Current);
    }

    [Fact]
    public void TheLimitNeverFallsBelowOne()
    {
        var limit = new HandshakeLimit(initial: 2, max: 8, Target);
        for (var i = 0; i < 10; i++)
        {
            limit.Completed(Slow, Start + (Target * i));
        }

        Assert.Equal(HandshakeLimit.Min, limit.Current);
    }
}
