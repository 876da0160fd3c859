using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OpenC3.Api.Job;

/// <summary>
/// On the no-login approval routes the row uuid is the only credential, so a client address that
/// keeps presenting uuids that are not there is refused for the rest of a fixed window. Counted per
/// API host and per connecting address (behind a proxy, that is the proxy's). Memory is bounded: expired
/// windows are forgotten, and once <see cref="ApprovalOptions.GuessTrackedAddresses"/> addresses are
/// counted, every further address shares one count, so a flood of addresses neither grows the map
/// nor escapes the limit.
/// </summary>
/// <param name="clock">The silo's clock; an API host in client mode has none registered and uses the system's.</param>
public sealed class ApprovalGuessLimiter(IOptionsMonitor<ApprovalOptions> options, TimeProvider? clock = null)
{
    /// <summary>The shared count of the addresses that found the map full.</summary>
    private const string Overflow = "*";

    /// <summary>A full map is swept for expired windows at most this often, so a flood does not pay a sweep per request.</summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);

    private readonly TimeProvider time = clock ?? TimeProvider.System;

    private readonly ConcurrentDictionary<string, Window> misses = new(StringComparer.Ordinal);

    private long lastSweep;

    /// <summary>How many counts are kept (for tests and diagnostics).</summary>
    public int Tracked => misses.Count;

    public bool IsBlocked(HttpContext context) =>
        misses.TryGetValue(Key(context), out var window) && !Expired(window) && window.Count >= options.CurrentValue.GuessLimit;

    public void Miss(HttpContext context)
    {
        var now = time.GetUtcNow();
        misses.AddOrUpdate(Key(context), _ => new Window(now, 1), (_, window) => Expired(window) ? new Window(now, 1) : window with { Count = window.Count + 1 });
    }

    /// <summary>The address, or the shared count when the address is not counted yet and the map is full even after forgetting expired windows.</summary>
    private string Key(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? string.Empty;
        if (misses.ContainsKey(address) || misses.Count < options.CurrentValue.GuessTrackedAddresses)
        {
            return address;
        }

        Sweep();
        return misses.Count < options.CurrentValue.GuessTrackedAddresses ? address : Overflow;
    }

    private void Sweep()
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref lastSweep);
        if ((last != 0 && time.GetElapsedTime(last, now) < SweepInterval) || Interlocked.CompareExchange(ref lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (address, window) in misses)
        {
            if (Expired(window))
            {
                misses.TryRemove(address, out _);
            }
        }
    }

    private bool Expired(Window window) => time.GetUtcNow() - window.Start > options.CurrentValue.GuessWindow;

    private sealed record Window(DateTimeOffset Start, int Count);
}
