using System.Text;

namespace OpenC3.Grains.Execution;

/// <summary>Collects a host's output up to a byte cap, then keeps only a marker: a runaway command cannot exhaust memory.</summary>
public sealed class OutputBuffer(int maxBytes)
{
    public const string TruncatedMarker = "\n[openc3: output truncated]\n";

    private readonly StringBuilder text = new();
    private int bytes;

    public bool Truncated { get; private set; }

    /// <summary>Appends <paramref name="chunk"/>; returns the part that was kept (empty once truncated).</summary>
    public string Append(string chunk)
    {
        if (Truncated)
        {
            return string.Empty;
        }

        var size = Encoding.UTF8.GetByteCount(chunk);
        if (bytes + size <= maxBytes)
        {
            bytes += size;
            text.Append(chunk);
            return chunk;
        }

        var kept = chunk[..Math.Max(0, Math.Min(chunk.Length, maxBytes - bytes))];
        text.Append(kept).Append(TruncatedMarker);
        bytes = maxBytes;
        Truncated = true;
        return kept + TruncatedMarker;
    }

    public override string ToString() => text.ToString();
}
