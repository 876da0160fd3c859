using System.Text;

namespace OpenC3.Grains.Execution;

/// <summary>
/// Takes a script's session announcement (the first line of its stdout, see <see cref="ScriptCommand"/>) out of
/// its output, and makes the session known as soon as it arrives. Output that does not start with one is
/// passed on untouched (the wrapper failed before the script started).
/// </summary>
public sealed class SessionAnnouncement(Func<RemoteSession, Task> onAnnounced)
{
    private const int MaxLineLength = 64;

    private readonly TaskCompletionSource<RemoteSession?> session = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private StringBuilder? firstLine = new();

    /// <summary>The announced session; null once the output ended or went on without one.</summary>
    public Task<RemoteSession?> Session => session.Task;

    /// <summary>The part of a stdout chunk that is the script's own output. Called in order, from one reader.</summary>
    public async Task<string> FilterAsync(string chunk)
    {
        if (firstLine is null)
        {
            return chunk;
        }

        var text = firstLine.Append(chunk).ToString();
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        if (end < 0 && text.Length <= MaxLineLength)
        {
            return string.Empty;
        }

        firstLine = null;
        if (end >= 0 && RemoteSession.FromAnnouncement(text[..end]) is { } announced)
        {
            session.TrySetResult(announced);
            await onAnnounced(announced);
            return text[(end + 1)..];
        }

        session.TrySetResult(null);
        return text;
    }

    /// <summary>The output ended: whatever was held back is output after all.</summary>
    public string End()
    {
        var rest = firstLine?.ToString() ?? string.Empty;
        firstLine = null;
        session.TrySetResult(null);
        return rest;
    }
}
