using OpenC3.IntegrationTests.Embedded;
using OpenC3.TestSupport;
using static OpenC3.IntegrationTests.Resources.ResourceTestKit;

namespace OpenC3.IntegrationTests.Resources;

/// <summary>The product with a 1 MiB upload limit (`FileServer:MaxSizeMB=1`).</summary>
public sealed class SmallUploadLimitProduct : EmbeddedProduct
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => [new("FileServer:MaxSizeMB", "1")];
}

/// <summary>The configurable maximum upload size; storage-independent, so on the embedded profile only.</summary>
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
}
