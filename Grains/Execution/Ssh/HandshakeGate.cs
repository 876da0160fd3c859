namespace OpenC3.Grains.Execution;

/// <summary>
/// Admits SSH handshakes up to <see cref="HandshakeLimit.Current"/> at once, in arrival order. A caller
/// that waits here has not started its handshake yet, so its connect timeout has not started either.
/// </summary>
public sealed class HandshakeGate(HandshakeLimit limit, TimeProvider time)
{
    private readonly Lock sync = new();
    private readonly LinkedList<TaskCompletionSource> waiting = new();
    private int inFlight;

    public int InFlight
    {
        get
        {
            lock (sync)
            {
                return inFlight;
            }
        }
    }

    public int Limit
    {
        get
        {
            lock (sync)
            {
                return limit.Current;
            }
        }
    }

    /// <summary>Waits for a turn; dispose the answer when the handshake ended (after <see cref="Handshake.Completed"/> if it succeeded).</summary>
    public async Task<Handshake> EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource turn;
        LinkedListNode<TaskCompletionSource> node;
        lock (sync)
        {
            if (waiting.Count == 0 && inFlight < limit.Current)
            {
                inFlight++;
                return Start();
            }

            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = waiting.AddLast(turn);
        }

        using (cancellationToken.Register(() => Abandon(node)))
        {
            await turn.Task;
        }

        return Start();
    }

    private Handshake Start()
    {
        lock (sync)
        {
            return new Handshake(this, time.GetTimestamp(), limit.SlowCompletions);
        }
    }

    private void Abandon(LinkedListNode<TaskCompletionSource> node)
    {
        lock (sync)
        {
            if (node.List is null)
            {
                return; // admitted already: its owner ends the turn.
            }

            waiting.Remove(node);
        }

        node.Value.TrySetCanceled();
    }

    private void End(Handshake handshake, bool completed)
    {
        var admitted = new List<TaskCompletionSource>();
        lock (sync)
        {
            if (completed)
            {
                limit.Completed(time.GetElapsedTime(handshake.StartedAt), time.GetUtcNow().UtcDateTime);
            }

            inFlight--;
            while (waiting.First is { } next && inFlight < limit.Current)
            {
                waiting.RemoveFirst();
                inFlight++;
                admitted.Add(next.Value);
            }
        }

        admitted.ForEach(turn => turn.TrySetResult());
    }

    private bool SlowerSince(long slowCompletions)
    {
        lock (sync)
        {
            return limit.SlowCompletions > slowCompletions;
        }
    }

    /// <summary>One admitted handshake; disposing it frees its place.</summary>
    public sealed class Handshake(HandshakeGate gate, long startedAt, long slowCompletionsAtStart) : IDisposable
    {
        private int ended;

        internal long StartedAt => startedAt;

        /// <summary>Other handshakes finished slowly while this one ran: a timeout now says we were busy, not that the host is gone.</summary>
        public bool SaturatedMeanwhile => gate.SlowerSince(slowCompletionsAtStart);

        /// <summary>Ends the turn as a success, so its duration steers the limit.</summary>
        public void Completed() => End(completed: true);

        public void Dispose() => End(completed: false);

        private void End(bool completed)
        {
            if (Interlocked.Exchange(ref ended, 1) == 0)
            {
                gate.End(this, completed);
            }
        }
    }
}
