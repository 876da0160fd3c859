using OpenC3.Grains.Execution;

namespace OpenC3.UnitTests;

public sealed class HandshakeGateTests
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task AdmitsUpToTheLimit_ThenTheNextWaiterInOrder_WhenOneEnds()
    {
        var clock = new ManualClock();
        var gate = new HandshakeGate(new HandshakeLimit(initial: 2, max: 2, Target), clock);
        var first = await gate.EnterAsync(CancellationToken.None);
        using var second = await gate.EnterAsync(CancellationToken.None);
        var third = gate.EnterAsync(CancellationToken.None);
        var fourth = gate.EnterAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);

        first.Dispose();
        using var admitted = await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(fourth.IsCompleted);
        Assert.Equal(2, gate.InFlight);
    }

    [Fact]
    public async Task AWaiterThatGivesUp_LeavesTheQueue_WithoutTakingAPlace()
    {
        var gate = new HandshakeGate(new HandshakeLimit(initial: 1, max: 1, Target), new ManualClock());
        var held = await gate.EnterAsync(CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var waiting = gate.EnterAsync(giveUp.Token);
        var next = gate.EnterAsync(CancellationToken.None);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        using var admitted = await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, gate.InFlight);
    }

    [Fact]
    public async Task SlowCompletions_ShrinkTheLimit_AndMarkTheOthersInFlightAsSaturated()
    {
        var clock = new ManualClock();
        var gate = new HandshakeGate(new HandshakeLimit(initial: 4, max: 4, Target), clock);
        using var waitingForADeadHost = await gate.EnterAsync(CancellationToken.None);
        var slow = await gate.EnterAsync(CancellationToken.None);
        Assert.False(waitingForADeadHost.SaturatedMeanwhile);

        clock.Advance(TimeSpan.FromSeconds(3));
        slow.Completed();
        slow.Dispose();

        Assert.True(waitingForADeadHost.SaturatedMeanwhile);
        Assert.Equal(2, gate.Limit);
        Assert.Equal(1, gate.InFlight);
    }

    [Fact]
    public async Task AFailedHandshake_FreesItsPlace_ButDoesNotSteerTheLimit()
    {
        var clock = new ManualClock();
        var gate = new HandshakeGate(new HandshakeLimit(initial: 4, max: 8, Target), clock);
        var failed = await gate.EnterAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(15));
        failed.Dispose();
        failed.Dispose();

        Assert.Equal(4, gate.Limit);
        Assert.Equal(0, gate.InFlight);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long ticks = TimeSpan.TicksPerDay;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public override DateTimeOffset GetUtcNow() => new(ticks, TimeSpan.Zero);

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
