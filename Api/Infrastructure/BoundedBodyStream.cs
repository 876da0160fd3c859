namespace OpenC3.Api.Infrastructure;

/// <summary>
/// A request body read through a limit: reading past <paramref name="limit"/> bytes throws <paramref name="tooLarge"/>.
/// Unlike Kestrel's own body size limit, which ends the connection at once (a client still sending its body then
/// gets a broken pipe instead of the refusal), the server stays connected and discards the unread rest.
/// </summary>
internal sealed class BoundedBodyStream(Stream inner, long limit, Exception tooLarge) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int bytes)
    {
        read += bytes;
        return read > limit ? throw tooLarge : bytes;
    }
}
