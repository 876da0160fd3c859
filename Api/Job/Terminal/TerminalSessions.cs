using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OpenC3.Api.Job;

/// <summary>Counts each user's open terminals on this API host, so one user cannot hold every SSH channel of the silos.</summary>
public sealed class TerminalSessions(IOptionsMonitor<TerminalOptions> options)
{
    private readonly ConcurrentDictionary<string, int> open = new(StringComparer.Ordinal);

    /// <summary>A seat for one more terminal of <paramref name="user"/>, or null when they hold the maximum; disposing it frees the seat.</summary>
    public IDisposable? TryEnter(string user)
    {
        var limit = options.CurrentValue.MaxSessionsPerUser;
        while (true)
        {
            var count = open.GetOrAdd(user, 0);
            if (count >= limit)
            {
                return null;
            }

            if (open.TryUpdate(user, count + 1, count))
            {
                return new Seat(this, user);
            }
        }
    }

    private void Leave(string user)
    {
        while (open.TryGetValue(user, out var count))
        {
            if (count <= 1 ? open.TryRemove(new KeyValuePair<string, int>(user, count)) : open.TryUpdate(user, count - 1, count))
            {
                return;
            }
        }
    }

    private sealed class Seat(TerminalSessions sessions, string user) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                sessions.Leave(user);
            }
        }
    }
}
