namespace OpenC3.Grains.Abstractions.Terminal;

/// <summary>`openc3_job_cmdlog`: every command line typed in a web terminal, as upstream's `/cmd/:treeid/log` reads it.</summary>
[Alias("openc3.ICommandLogGrain")]
public interface ICommandLogGrain : IGrainWithIntegerKey
{
    Task Record(CommandLogEntry entry);

    /// <summary>The node's rows, oldest first; user, node, usr and cmd match as substrings, the dates as whole days.</summary>
    Task<IReadOnlyList<CommandLogRow>> Query(CommandLogFilter filter);
}

/// <param name="Node">The session's hosts, comma-separated.</param>
/// <param name="Usr">The account the shell ran as.</param>
[GenerateSerializer, Immutable, Alias("openc3.CommandLogEntry")]
public sealed record CommandLogEntry([property: Id(0)] long TreeId, [property: Id(1)] string User, [property: Id(2)] string Node, [property: Id(3)] string Usr, [property: Id(4)] string Cmd);

[GenerateSerializer, Immutable, Alias("openc3.CommandLogFilter")]
public sealed record CommandLogFilter(
    [property: Id(0)] long TreeId,
    [property: Id(1)] string? User,
    [property: Id(2)] string? Node,
    [property: Id(3)] string? Usr,
    [property: Id(4)] string? Cmd,
    [property: Id(5)] string? TimeStart,
    [property: Id(6)] string? TimeEnd);

[GenerateSerializer, Immutable, Alias("openc3.CommandLogRow")]
public sealed record CommandLogRow(
    [property: Id(0)] long Id,
    [property: Id(1)] string User,
    [property: Id(2)] string Node,
    [property: Id(3)] string Usr,
    [property: Id(4)] string Cmd,
    [property: Id(5)] string Time);
