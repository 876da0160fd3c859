using System.Text;

namespace OpenC3.Grains.Terminal;

/// <summary>
/// Output of several hosts in one stream: every line starts with its host's name, and a host that interrupts
/// another's unfinished line (a prompt) starts on a new line, so no line mixes two hosts.
/// </summary>
public sealed class HostLabels
{
    private readonly HashSet<string> midLine = new(StringComparer.Ordinal);
    private string? lastHost;

    public string Label(string host, string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var labelled = new StringBuilder();
        if (lastHost is not null && lastHost != host && midLine.Remove(lastHost))
        {
            labelled.Append("\r\n");
        }

        var atLineStart = !midLine.Contains(host) || lastHost != host;
        foreach (var character in text)
        {
            if (atLineStart)
            {
                labelled.Append("\x1b[36m[").Append(host).Append("]\x1b[0m ");
                atLineStart = false;
            }

            labelled.Append(character);
            atLineStart = character == '\n';
        }

        if (atLineStart)
        {
            midLine.Remove(host);
        }
        else
        {
            midLine.Add(host);
        }

        lastHost = host;
        return labelled.ToString();
    }
}
