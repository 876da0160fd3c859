using System.Collections.Concurrent;
using OpenC3.Grains.Execution;

namespace OpenC3.UnitTests;

/// <summary>
/// What SSH.NET does in a connect, replayed inside a turn of a scheduler that runs one task at a time (as a grain
/// activation's does): it starts its listener on the current scheduler and blocks until the listener has answered.
/// </summary>
public sealed class OffGrainSchedulerTests
{
    private static readonly TimeSpan ListenerWait = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task AConnectThatStartsItsListenerOnTheCurrentScheduler_CompletesFromAOneAtATimeTurn()
    {
        using var activation = new OneAtATimeScheduler();
        var turn = Task.Factory.StartNew(() => OffGrainScheduler.RunAsync(ConnectLikeSshNet), CancellationToken.None, TaskCreationOptions.None, activation).Unwrap();
        await turn.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task CalledDirectlyInTheTurn_TheListenerQueuesBehindIt_AndTheConnectTimesOut()
    {
        using var activation = new OneAtATimeScheduler();
        var turn = Task.Factory.StartNew(ConnectLikeSshNet, CancellationToken.None, TaskCreationOptions.None, activation).Unwrap();
        await Assert.ThrowsAsync<TimeoutException>(() => turn.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>`Session.Connect`: `Task.Factory.StartNew(MessageListener, LongRunning, TaskScheduler.Current)`, then a blocking wait for the key exchange.</summary>
    private static Task ConnectLikeSshNet()
    {
        var keyExchanged = new ManualResetEventSlim(); // not disposed: the listener may still run after the wait gave up
        _ = Task.Factory.StartNew(keyExchanged.Set, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Current);
        return keyExchanged.Wait(ListenerWait) ? Task.CompletedTask : throw new TimeoutException("the listener never ran");
    }

    /// <summary>One thread runs the queued tasks in turn, never inline: a blocked task holds up every other.</summary>
    private sealed class OneAtATimeScheduler : TaskScheduler, IDisposable
    {
        private readonly BlockingCollection<Task> queue = [];
        private readonly Thread thread;

        public OneAtATimeScheduler()
        {
            thread = new Thread(() =>
            {
                foreach (var task in queue.GetConsumingEnumerable())
                {
                    TryExecuteTask(task);
                }
            }) { IsBackground = true };
            thread.Start();
        }

        public void Dispose() => queue.CompleteAdding();

        protected override void QueueTask(Task task) => queue.Add(task);

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

        protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();
    }
}
