namespace OpenC3.Grains.Abstractions.Logs;

/// <summary>Reads stored log text by upstream log id (task uuid, or task uuid + step uuid + type).</summary>
[Alias("openc3.ILogGrain")]
public interface ILogGrain : IGrainWithIntegerKey
{
    /// <summary>Text appended after row <paramref name="afterId"/>, at most about <paramref name="maxBytes"/>.</summary>
    Task<LogChunk> Read(string logUuid, long afterId, int maxBytes);
}

[GenerateSerializer, Immutable, Alias("openc3.LogChunk")]
public sealed record LogChunk([property: Id(0)] long LastId, [property: Id(1)] string Text);
