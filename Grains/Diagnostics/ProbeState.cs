namespace OpenC3.Grains.Diagnostics;

public sealed class ProbeState
{
    public byte[] Payload { get; set; } = [];

    public int Ticks { get; set; }

    public bool Ticking { get; set; }
}
