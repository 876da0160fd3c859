namespace OpenC3.Grains.Execution;

/// <summary>Where a copy reads its bytes: a file of the file server or a path on a source host.</summary>
public abstract class CopySource : IDisposable
{
    protected CopySource(string label, CopyHeader header)
    {
        Label = label;
        Header = header;
    }

    /// <summary>`fileserver:&lt;name&gt;` or `&lt;host&gt;:&lt;path&gt;`, for the log.</summary>
    public string Label { get; }

    public CopyHeader Header { get; protected set; }

    /// <summary>Blocks until some bytes are there; 0 at the end. Called from one thread only.</summary>
    public abstract int Read(byte[] buffer, int count);

    /// <summary>Waits for the source to end; the reason it failed, or null.</summary>
    public abstract Task<string?> FinishAsync();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

/// <summary>A source that could not be opened: the readable reason, and what it printed.</summary>
public sealed class CopySourceException(string message) : Exception(message);
