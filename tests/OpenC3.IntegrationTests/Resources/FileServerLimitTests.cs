using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Resources;

/// <summary>The configurable upload bounds; storage-independent, so on the embedded profile only.</summary>
public sealed class FileServerLimitTests(SmallUploadLimitProduct product) : IClassFixture<SmallUploadLimitProduct>
{
    private const long OneMegabyte = 1024 * 1024;

    [Fact]
    public async Task AFileAtTheLimit_IsStored_AndOneByteMore_IsRefusedWithoutATrace()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        var atLimit = await app.Http.PostAsync($"{J}/fileserver/{node}", Multipart([("limit.bin", new GeneratedContent(OneMegabyte, 7))]));
        Assert.Equal(1, (await ApiClient.ReadAsync(atLimit)).Data().GetInt32());

        var tooLarge = await app.Http.PostAsync($"{J}/fileserver/{node}", Multipart([("small.txt", new MemoryStream("ok"u8.ToArray())), ("over.bin", new GeneratedContent(3 * OneMegabyte, 8))]));
        Assert.Equal("file too large: over.bin is over 1 MB", (await ApiClient.ReadAsync(tooLarge)).Info());

        Assert.Equal(["limit.bin"], (await app.GetAsync($"{J}/fileserver/{node}")).Rows().Select(f => f.Text("name")));
        Assert.Empty(Directory.GetFiles(Path.Combine(BlobStore(product), "tmp")));
        Assert.Single(Directory.GetFiles(BlobStore(product), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AnUploadWithTooManyPartsOrTooManyBytesInAll_IsRefused_WithoutATrace()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        var token = (await app.PostAsync($"{J}/token/{node}", new { describe = "bounds", isjob = 0 })).Text("token");
        using var anonymous = product.Anonymous();

        var manyParts = Enumerable.Range(0, 5).Select(i => ($"part{i}.txt", (Stream)new MemoryStream("x"u8.ToArray())));
        Assert.Equal("too many parts: an upload has at most 4", (await TokenUploadAsync(anonymous, node, token, Multipart(manyParts))).Info());

        var manyBytes = Enumerable.Range(0, 3).Select(i => ($"mb{i}.bin", (Stream)new GeneratedContent(OneMegabyte, (ulong)i)));
        Assert.Equal("upload too large: the files of one upload are at most 2 MB in all", (await TokenUploadAsync(anonymous, node, token, Multipart(manyBytes))).Info());

        Assert.Empty((await app.GetAsync($"{J}/fileserver/{node}")).Rows());
        Assert.Empty(Directory.GetFiles(Path.Combine(BlobStore(product), "tmp")));
        // Four parts are within bounds (removed again: the other test counts the blobs).
        var four = Enumerable.Range(0, 4).Select(i => ($"ok{i}.txt", (Stream)new MemoryStream("ok"u8.ToArray())));
        Assert.Equal(4, (await TokenUploadAsync(anonymous, node, token, Multipart(four))).Data().GetInt32());
        foreach (var file in (await app.GetAsync($"{J}/fileserver/{node}")).Rows())
        {
            Assert.True((await app.DeleteAsync($"{J}/fileserver/{node}/{file.GetProperty("id").GetInt64()}", new { })).Data().GetBoolean());
        }
    }
}
