namespace OpenC3.Grains.Execution;

/// <summary>One command for one host of a tree node: the shell line, what to send on its stdin, and how long it may take.</summary>
/// <param name="TreeId">The node the host is reached for; its subnets choose the path (<see cref="SshTarget"/>).</param>
public sealed record RemoteCommand(string Host, string CommandText, string? Stdin, TimeSpan Timeout, long TreeId)
{
    public SshTarget Target => new(Host, TreeId);
}

/// <summary>
/// How a command ended on one host. <see cref="ExitCode"/> is null when it never ran to completion
/// (unreachable, refused key, timeout, cancelled); <see cref="Reason"/> then says why in plain words.
/// </summary>
public sealed record RemoteResult(string Host, int? ExitCode, string Output, string? Reason)
{
    public bool Succeeded => ExitCode == 0;
}
