namespace OpenC3.Grains.Abstractions.Terminal;

/// <summary>
/// One web terminal session (key: a random session id chosen by the API host): interactive SSH shells with a PTY
/// on one or several hosts, held on a silo, so the SSH key and the pinned host keys never leave the silos. The API
/// host relays the browser's websocket to it: keystrokes and window sizes in, output out by long poll.
/// </summary>
[Alias("openc3.ITerminalGrain")]
public interface ITerminalGrain : IGrainWithStringKey
{
    /// <summary>Opens a shell on each host (checked by the caller to be on the node); a host that fails is reported in the output, which ends when none opened.</summary>
    Task Open(TerminalRequest request);

    /// <summary>Keystrokes for every shell of the session; each completed line is recorded in the command log.</summary>
    Task Input(string keys);

    Task Resize(int columns, int rows);

    /// <summary>Output since the last read, waiting up to <paramref name="wait"/> for some; <see cref="TerminalOutput.Ended"/> once every shell has ended.</summary>
    Task<TerminalOutput> Read(TimeSpan wait);

    Task Close();
}

/// <param name="Account">The account the shells run as (through sudo when it is not the SSH login); null for the login itself.</param>
/// <param name="Labelled">Several hosts typed to at once: each output line starts with its host.</param>
[GenerateSerializer, Immutable, Alias("openc3.TerminalRequest")]
public sealed record TerminalRequest(
    [property: Id(0)] long TreeId,
    [property: Id(1)] string User,
    [property: Id(2)] IReadOnlyList<string> Hosts,
    [property: Id(3)] string? Account,
    [property: Id(4)] bool Labelled,
    [property: Id(5)] int Columns,
    [property: Id(6)] int Rows);

[GenerateSerializer, Immutable, Alias("openc3.TerminalOutput")]
public sealed record TerminalOutput([property: Id(0)] string Text, [property: Id(1)] bool Ended);
