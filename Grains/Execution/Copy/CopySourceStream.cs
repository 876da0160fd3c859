namespace OpenC3.Grains.Execution;

/// <summary>A file source's bytes as a read-only stream that ends after the size its header announced.</summary>
public sealed class CopySourceStream(CopySource source) : Stream
{
    private long remaining = source.Header.Size;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (remaining == 0 || count == 0)
        {
            return 0;
        }

        var chunk = offset == 0 ? buffer : new byte[count];
        var read = source.Read(chunk, (int)Math.Min(count, remaining));
        if (offset != 0)
        {
            Array.Copy(chunk, 0, buffer, offset, read);
        }

        remaining -= read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
