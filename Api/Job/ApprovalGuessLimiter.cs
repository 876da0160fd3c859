using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OpenC3.Api.Job;

/// <summary>
/// On the no-login approval routes the row uuid is the only credential, so a client address that
/// keeps presenting uuids that are not there is refused for the rest of a fixed window. Counted per
/// API host and per connecting address (behind a proxy, that is the proxy's).
/// </summary>
/// <param name="clock">The silo's clock; an API host in client mode has none registered and uses the system's.</param>
public sealed class ApprovalGuessLimiter(IOptionsMonitor<ApprovalOptions> options, TimeProvider? clock = null)
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    /// <summary>More addresses than this are forgotten once their window is over (a flood of addresses cannot grow memory without bound).</summary>
    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, Window> misses = new(StringComparer.Ordinal);

    public bool IsBlocked(HttpContext context) =>
        misses.TryGetValue(Address(context), out var window) && !Expired(window) && window.Count >= options.CurrentValue.GuessLimit;

    public void Miss(HttpContext context)
    {
        if (misses.Count >= MaxTracked)
        {
            foreach (var (address, window) in misses)
            {
                if (Expired(window))
                {
                    misses.TryRemove(address, out _);
                }
            }
        }

        var now = time.GetUtcNow();
        misses.AddOrUpdate(Address(context), _ => new Window(now, 1), (_, window) => Expired(window) ? new Window(now, 1) : window with { Count = window.Count + 1 });
    }

    private bool Expired(Window window) => time.GetUtcNow() - window.Start > options.CurrentValue.GuessWindow;

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? string.Empty;

    private sealed record Window(DateTimeOffset Start, int Count);
}
