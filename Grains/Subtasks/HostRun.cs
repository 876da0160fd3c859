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
public sealed record HostRun(string Host, HostStatus Status, int Attempt, int? ExitCode, string? Reason)
{
    public bool NeedsRetry => Status is HostStatus.Fail or HostStatus.Incomplete;
}
