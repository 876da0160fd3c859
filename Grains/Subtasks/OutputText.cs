using System.Text;
using OpenC3.Grains.Execution;

namespace OpenC3.Grains.Subtasks;

/// <summary>A host's output as the API shows it: the latest attempt's, without the truncation marker (reported as cut instead), capped in UTF-8 bytes.</summary>
public static class OutputText
{
    /// <summary>What the host's latest attempt printed; a host still running, or cut short (incomplete), has no output of this attempt yet.</summary>
    public static string Current(HostRun host, IReadOnlyDictionary<string, string> outputs) =>
        host.Status is HostStatus.Success or HostStatus.Fail ? outputs.GetValueOrDefault(host.Host, string.Empty) : string.Empty;

    public static (string Text, bool Cut) Capped(string stored, int maxBytes)
    {
        var storedCut = stored.EndsWith(OutputBuffer.TruncatedMarker, StringComparison.Ordinal);
        var text = storedCut ? stored[..^OutputBuffer.TruncatedMarker.Length] : stored;
        return Encoding.UTF8.GetByteCount(text) <= maxBytes ? (text, storedCut) : (Utf8Prefix(text, maxBytes), true);
    }

    /// <summary>The longest start of <paramref name="text"/> within <paramref name="maxBytes"/>, never splitting a character.</summary>
    private static string Utf8Prefix(string text, int maxBytes)
    {
        var bytes = 0;
        var chars = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            chars += rune.Utf16SequenceLength;
        }

        return text[..chars];
    }
}
