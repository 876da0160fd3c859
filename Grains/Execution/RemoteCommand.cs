namespace OpenC3.Grains.Execution;

/// <summary>One command for one host: the shell line, what to send on its stdin, and how long it may take.</summary>
public sealed record RemoteCommand(string Host, string CommandText, string? Stdin, TimeSpan Timeout);

/// <summary>
/// How a command ended on one host. <see cref="ExitCode"/> is null when it never ran to completion
/// (unreachable, refused key, timeout, cancelled); <see cref="Reason"/> then says why in plain words.
/// </summary>
public sealed record RemoteResult(string Host, int? ExitCode, string Output, string? Reason)
{
    public bool Succeeded => ExitCode == 0;
}
