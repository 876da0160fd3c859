namespace OpenC3.Grains.Execution;

/// <summary>A host presented a key other than the one pinned for it; the message is the host's failure reason.</summary>
public sealed class HostKeyChangedException(string recorded, string presented) : Exception(HostKeyCheck.ChangedReason(recorded, presented));
