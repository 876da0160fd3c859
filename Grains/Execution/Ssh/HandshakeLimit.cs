namespace OpenC3.Grains.Execution;

/// <summary>
/// How many SSH handshakes the silo starts at once, adapted to how fast they finish (AIMD): a handshake
/// that completes within <paramref name="target"/> raises the limit (by one each at first, doubling per
/// round, then by one per round after the first slowdown); a slower one halves it, at most once per
/// <paramref name="target"/>, since the handshakes of one overloaded round all finish slow together.
/// Failures say nothing about our load (a dead host is not a busy silo), so only completions count.
/// </summary>
public sealed class HandshakeLimit(int initial, int max, TimeSpan target)
{
    public const int Min = 1;

    private double limit = Math.Clamp(initial, Min, Math.Max(Min, max));
    private bool slowedDown;
    private DateTime lastDecrease = DateTime.MinValue;

    public int Current => (int)limit;

    /// <summary>How many handshakes finished slower than the target so far: a rising count means we are saturated.</summary>
    public long SlowCompletions { get; private set; }

    public void Completed(TimeSpan took, DateTime now)
    {
        if (took <= target)
        {
            limit = Math.Min(Math.Max(Min, max), limit + (slowedDown ? 1 / limit : 1));
            return;
        }

        SlowCompletions++;
        if (now - lastDecrease >= target)
        {
            limit = Math.Max(Min, limit / 2);
            lastDecrease = now;
            slowedDown = true;
        }
    }
}
