namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>One run of a job or of an ad-hoc plugin; the key is the task uuid.</summary>
[Alias("openc3.ITaskGrain")]
public interface ITaskGrain : IGrainWithStringKey
{
    /// <summary>Starts the run once; a second call with the same uuid changes nothing (idempotency key).</summary>
    Task<bool> Start(TaskDefinition definition);

    Task<TaskView?> Get();

    /// <summary>What the task was started with (for redo); null for an unknown task.</summary>
    Task<TaskDefinition?> Definition();

    /// <summary>The steps as snapshotted at start (empty for an unknown task).</summary>
    Task<IReadOnlyList<StepDefinition>> Steps();

    /// <summary>Upstream's reply text for `killtask`.</summary>
    Task<string> Kill(string user);

    /// <summary>A step reports its status; one-way so the step never waits on its task.</summary>
    [Orleans.Concurrency.OneWay]
    Task StepChanged(int index, string status, string? reason);

    /// <summary>`next` releases a paused step of this task.</summary>
    Task<bool> Next(string stepUuid);

    /// <summary>
    /// The watchdog's tick for a task whose row is unfinished: hands the current episode over again, has the current
    /// step tell its status (its activation recovers it if its silo died), writes a final status the row missed, and
    /// records a start that was lost before the task's state was written as failed.
    /// </summary>
    Task Wake();

    /// <summary>
    /// Answers once the task has settled (ended, or waits for a decision) and its row says so, or when
    /// <paramref name="wait"/> ran out (false). Interleaves, so waiting holds up nothing of the task.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<bool> WaitSettled(TimeSpan wait);
}
