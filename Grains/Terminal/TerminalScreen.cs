using System.Text;
using OpenC3.Grains.Abstractions.Terminal;

namespace OpenC3.Grains.Terminal;

/// <summary>
/// Output waiting for the API host's next read, written by the shells' readers on their own threads. Bounded: when
/// nobody reads (a stalled browser) the oldest output is dropped with a marker rather than held without limit.
/// </summary>
public sealed class TerminalScreen(int maxPending, int maxRead)
{
    private const string Dropped = "\r\n[output dropped: the browser did not keep up]\r\n";

    private readonly Lock gate = new();
    private readonly StringBuilder pending = new();
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool ended;

    public void Write(string text)
    {
        lock (gate)
        {
            pending.Append(text);
            if (pending.Length > maxPending)
            {
                pending.Remove(0, pending.Length - maxPending / 2).Insert(0, Dropped);
            }

            arrived.TrySetResult();
        }
    }

    /// <summary>No more output will come: the next read reports the end once the rest is taken.</summary>
    public void End()
    {
        lock (gate)
        {
            ended = true;
            arrived.TrySetResult();
        }
    }

    public async Task<TerminalOutput> ReadAsync(TimeSpan wait)
    {
        Task signal;
        lock (gate)
        {
            signal = arrived.Task;
        }

        await Task.WhenAny(signal, Task.Delay(wait));
        lock (gate)
        {
            var length = Math.Min(pending.Length, maxRead);
            var text = pending.ToString(0, length);
            pending.Remove(0, length);
            if (pending.Length == 0 && !ended)
            {
                arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return new TerminalOutput(text, ended && pending.Length == 0);
        }
    }
}
