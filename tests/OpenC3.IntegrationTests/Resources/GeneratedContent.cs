using System.Security.Cryptography;

namespace OpenC3.IntegrationTests.Resources;

/// <summary>
/// A deterministic pseudo-random byte stream of any length, generated as it is read, so a test can upload
/// tens of megabytes without holding them, and know their md5 without storing them.
/// </summary>
public sealed class GeneratedContent(long length, ulong seed) : Stream
{
    private ulong state = seed | 1;
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public static string Md5(long length, ulong seed)
    {
        using var content = new GeneratedContent(length, seed);
        return Convert.ToHexStringLower(MD5.HashData(content));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - position);
        for (var i = 0; i < count; i++)
        {
            // xorshift64: fast, and different for every seed.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            buffer[i] = (byte)state;
        }

        position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
