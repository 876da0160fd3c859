namespace OpenC3.Grains.Connector;

/// <summary>
/// Failed logins per key (a client address, or a user at an address) with the time of the last one.
/// Holds at most <c>capacity</c> keys: quiet keys are forgotten first, then the longest-quiet one, so
/// a flood of new keys costs memory only up to the bound.
/// </summary>
public sealed class FailureCounts(int capacity, TimeSpan forgetAfter)
{
    private readonly Dictionary<string, (int Failures, DateTimeOffset Last)> entries = new(StringComparer.Ordinal);

    public int Count => entries.Count;

    /// <summary>Failures still remembered for the key at <paramref name="now"/>, and when the last one was.</summary>
    public (int Failures, DateTimeOffset Last) Get(string key, DateTimeOffset now) =>
        entries.TryGetValue(key, out var entry) && now - entry.Last <= forgetAfter ? entry : (0, now);

    public void Add(string key, DateTimeOffset now)
    {
        var failures = Get(key, now).Failures;
        if (failures == 0 && !entries.ContainsKey(key))
        {
            MakeRoom(now);
        }

        entries[key] = (failures + 1, now);
    }

    /// <summary>Takes back one failure (an attempt that turned out right) without touching when the last one was.</summary>
    public void Refund(string key, DateTimeOffset now)
    {
        var (failures, last) = Get(key, now);
        if (failures <= 1)
        {
            entries.Remove(key);
        }
        else
        {
            entries[key] = (failures - 1, last);
        }
    }

    public void Forget(string key) => entries.Remove(key);

    private void MakeRoom(DateTimeOffset now)
    {
        if (entries.Count < capacity)
        {
            return;
        }

        foreach (var quiet in entries.Where(e => now - e.Value.Last > forgetAfter).Select(e => e.Key).ToList())
        {
            entries.Remove(quiet);
        }

        if (entries.Count >= capacity)
        {
            entries.Remove(entries.MinBy(e => e.Value.Last).Key);
        }
    }
}
