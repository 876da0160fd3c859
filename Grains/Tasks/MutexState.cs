namespace OpenC3.Grains.Tasks;

public sealed class MutexState
{
    /// <summary>The uuid of the task holding the mutex, or null.</summary>
    public string? Holder { get; set; }
}
