namespace OpenC3.Grains.Subtasks;

/// <summary>Where one host of a step stands: still to run, running, done, or cut short by a silo crash.</summary>
public enum HostStatus
{
    Pending,
    Running,
    Success,
    Fail,
    Incomplete,
}

/// <summary>One host of a step and the outcome of its latest attempt.</summary>
/// <param name="Session">The session its running script announced (<c>Execution.RemoteSession</c>), so it can be stopped after a crash.</param>
public sealed record HostRun(string Host, HostStatus Status, int Attempt, int? ExitCode, string? Reason, string? Session = null)
{
    public bool NeedsRetry => Status is HostStatus.Fail or HostStatus.Incomplete;
}

public static class HostStatusWire
{
    /// <summary>How the API names a host status: `pending`, `running`, `success`, `fail`, `incomplete`.</summary>
    public static string ToWire(this HostStatus status) => status.ToString().ToLowerInvariant();
}
