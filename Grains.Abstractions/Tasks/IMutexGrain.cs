namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>
/// A task's `mutex`: one unfinished task per (tree node, mutex name). The key is
/// `&lt;tree id&gt;:&lt;mutex&gt;`; the holder survives restarts.
/// </summary>
[Alias("openc3.IMutexGrain")]
public interface IMutexGrain : IGrainWithStringKey
{
    /// <summary>Takes the mutex for the task; null when it holds it now, else the uuid of the unfinished task holding it.</summary>
    Task<string?> Acquire(string taskUuid);

    /// <summary>Gives the mutex back if the task holds it; one-way so a finishing task never waits on it.</summary>
    [Orleans.Concurrency.OneWay]
    Task Release(string taskUuid);
}
