using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenC3.Api.Job;

namespace OpenC3.UnitTests;

public sealed class ApprovalGuessLimiterTests
{
    [Fact]
    public void AFloodOfAddresses_SharesOneCount_AndExpiredWindowsAreForgotten()
    {
        var clock = new ManualClock();
        var limiter = new ApprovalGuessLimiter(new FixedOptions(new ApprovalOptions { GuessLimit = 2, GuessTrackedAddresses = 3 }), clock);
        foreach (var address in new[] { "10.0.0.1", "10.0.0.2", "10.0.0.3" })
        {
            limiter.Miss(From(address));
        }

        // The map is full of live windows: new addresses count together (one more entry), never one entry each.
        for (var i = 4; i < 200; i++)
        {
            limiter.Miss(From($"10.0.0.{i}"));
        }

        Assert.Equal(4, limiter.Tracked);
        Assert.True(limiter.IsBlocked(From("10.0.0.250")));
        Assert.False(limiter.IsBlocked(From("10.0.0.1")));

        clock.Advance(TimeSpan.FromMinutes(11));
        limiter.Miss(From("10.0.1.1"));
        Assert.Equal(1, limiter.Tracked);
        Assert.False(limiter.IsBlocked(From("10.0.0.250")));
    }

    private static DefaultHttpContext From(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }

    private sealed class FixedOptions(ApprovalOptions value) : IOptionsMonitor<ApprovalOptions>
    {
        public ApprovalOptions CurrentValue => value;

        public ApprovalOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ApprovalOptions, string?> listener) => null;
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override DateTimeOffset GetUtcNow() => now;

        public override long GetTimestamp() => now.UtcTicks;

        public void Advance(TimeSpan by) => now += by;
    }
}
