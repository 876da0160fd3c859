namespace OpenC3.Grains.Execution;

/// <summary>
/// Runs a call into SSH.NET on the default task scheduler. SSH.NET starts a session's message listener with
/// `Task.Factory.StartNew(…, TaskCreationOptions.LongRunning, TaskScheduler.Current)` and then blocks until the key
/// exchange that listener drives has completed. Inside a grain turn the current scheduler is the activation's, which
/// runs one task at a time: the listener queued behind the very turn that waited for it, the connect timed out, and
/// its clean-up then waited forever for the listener to end (a step's host stayed `running` past its timeout, a web
/// terminal never answered, the silo could not stop). It happens only when SSH.NET's first awaits complete
/// synchronously, which is why it showed under load.
/// </summary>
public static class OffGrainScheduler
{
    public static Task RunAsync(Func<Task> work) => TaskScheduler.Current == TaskScheduler.Default ? work() : Task.Run(work);
}
