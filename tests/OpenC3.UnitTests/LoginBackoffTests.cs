using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Connector;

namespace OpenC3.UnitTests;

public sealed class LoginBackoffTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ConnectorOptions Settings(int tracked = 100) => new()
    {
        LoginBackoffFreeFailures = 2,
        LoginBackoffAddressFreeFailures = 5,
        LoginBackoffFirstWait = TimeSpan.FromSeconds(1),
        LoginBackoffMaxWait = TimeSpan.FromSeconds(8),
        LoginBackoffForgetAfter = TimeSpan.FromMinutes(1),
        LoginBackoffTrackedClients = tracked,
    };

    [Fact]
    public void WaitsDouble_UpToTheMaximum_AndAWaitingAttemptIsNotCounted()
    {
        var backoff = new LoginBackoff(Settings());
        var now = Start;
        Assert.Equal(TimeSpan.Zero, backoff.Admit("admin", "10.0.0.1", now));
        Assert.Equal(TimeSpan.Zero, backoff.Admit("admin", "10.0.0.1", now));

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            var wait = backoff.Admit("admin", "10.0.0.1", now);
            Assert.Equal(wait, backoff.Admit("admin", "10.0.0.1", now));
            waits.Add(wait);
            now += wait;
            Assert.Equal(TimeSpan.Zero, backoff.Admit("admin", "10.0.0.1", now));
        }

        Assert.Equal([1, 2, 4, 8, 8, 8], waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public void AStrangersFailures_DoNotDelayTheSameUserFromAnotherAddress()
    {
        var backoff = new LoginBackoff(Settings());
        for (var i = 0; i < 3; i++)
        {
            backoff.Admit("admin", "10.0.0.66", Start);
        }

        Assert.True(backoff.Admit("admin", "10.0.0.66", Start) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, backoff.Admit("admin", "10.0.0.1", Start));
    }

    [Fact]
    public void FailuresAcrossUsers_DelayTheAddress_AndAnIpv6ClientCountsPerSlash64()
    {
        var backoff = new LoginBackoff(Settings());
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TimeSpan.Zero, backoff.Admit($"ghost{i}", $"2001:db8::{i + 1}", Start));
        }

        Assert.True(backoff.Admit("admin", "2001:db8::ffff", Start) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, backoff.Admit("admin", "2001:db8:0:1::1", Start));
    }

    [Fact]
    public void ASuccess_ClearsItsPair_AndRefundsOnlyItsOwnChargeOnTheAddress()
    {
        var backoff = new LoginBackoff(Settings());
        backoff.Admit("admin", "10.0.0.1", Start);
        backoff.Admit("admin", "10.0.0.1", Start);
        Assert.True(backoff.Admit("admin", "10.0.0.1", Start) > TimeSpan.Zero);

        var later = Start + TimeSpan.FromSeconds(1);
        Assert.Equal(TimeSpan.Zero, backoff.Admit("admin", "10.0.0.1", later));
        backoff.Succeeded("admin", "10.0.0.1", later);
        Assert.Equal(TimeSpan.Zero, backoff.Admit("admin", "10.0.0.1", later));
        Assert.Equal(TimeSpan.Zero, backoff.Admit("admin", "10.0.0.1", later));
        Assert.True(backoff.Admit("admin", "10.0.0.1", later) > TimeSpan.Zero);
    }

    [Fact]
    public void QuietClientsAreForgotten_AndTheMemoryStaysBounded()
    {
        var counts = new FailureCounts(capacity: 10, forgetAfter: TimeSpan.FromMinutes(1));
        counts.Add("old", Start);
        Assert.Equal(0, counts.Get("old", Start + TimeSpan.FromMinutes(2)).Failures);

        for (var i = 0; i < 1000; i++)
        {
            counts.Add($"flood{i}", Start + TimeSpan.FromSeconds(i));
        }

        Assert.Equal(10, counts.Count);
        Assert.Equal(1, counts.Get("flood999", Start + TimeSpan.FromSeconds(999)).Failures);
    }
}
