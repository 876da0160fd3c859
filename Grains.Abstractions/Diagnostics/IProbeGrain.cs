namespace OpenC3.Grains.Abstractions.Diagnostics;

/// <summary>
/// A small durable grain that proves the storage profile end to end: a payload of any size and a
/// reminder that keeps ticking across process restarts. Used by the storage tests and by /readyz.
/// </summary>
[Alias("openc3.IProbeGrain")]
public interface IProbeGrain : IGrainWithStringKey
{
    Task<ProbeSnapshot> Get();

    Task Write(byte[] payload);

    Task StartTicking(TimeSpan period);

    Task StopTicking();
}

[GenerateSerializer, Immutable, Alias("openc3.ProbeSnapshot")]
public sealed record ProbeSnapshot(
    [property: Id(0)] int PayloadLength,
    [property: Id(1)] string PayloadSha256,
    [property: Id(2)] int Ticks,
    [property: Id(3)] bool Ticking);
