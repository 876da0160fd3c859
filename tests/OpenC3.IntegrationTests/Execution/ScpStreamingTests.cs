using System.Security.Cryptography;
using OpenC3.IntegrationTests.Resources;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>Copies stream through the silo: the product's peak memory grows far less than the size of what it copies.</summary>
[Collection(SharedProducts.SqliteExecution)]
public sealed class ScpStreamingTests(ExecutionProduct product)
{
    private const long Size = 200L * 1024 * 1024;
    private const long Allowed = 48L * 1024 * 1024;

    [Fact]
    public async Task TwoHundredMegabytes_FromTheFileServerAndFromAHost_AreStreamed()
    {
        using var app = product.App();
        var tag = Guid.NewGuid().ToString("N");
        var file = $"big-{tag}.bin";
        var expected = GeneratedContent.Md5(Size, 7);
        var upload = await app.Http.PostAsync($"{J}/fileserver/0", Multipart([(file, new GeneratedContent(Size, 7))]));
        Assert.True((await ApiClient.ReadAsync(upload)).Stat());

        var stored = ScpStepTests.Scratch($"big-{tag}");
        var growth = await CopyAsync(app, Scp("big", "fileserver", string.Empty, file, TestServers.SshHosts.Skip(29).Take(3), stored + "/"));
        Assert.True(growth < Allowed, $"peak memory grew by {growth / 1024 / 1024} MiB copying 200 MiB from the file server to 3 hosts");
        Assert.Equal(expected, await Md5Async($"{stored}/{file}"));

        // From a host, the source only sends as far as the silo has granted, however fast it could send.
        var copied = ScpStepTests.Scratch($"again-{tag}");
        growth = await CopyAsync(app, Scp("again", "builtin", TestServers.SshHosts[32], $"{stored}/{file}", [TestServers.SshHosts[33]], copied + "/"));
        Assert.True(growth < Allowed, $"peak memory grew by {growth / 1024 / 1024} MiB copying 200 MiB from a host");
        Assert.Equal(expected, await Md5Async($"{copied}/{file}"));
        Directory.Delete(stored, recursive: true);
        Directory.Delete(copied, recursive: true);
    }

    /// <summary>Runs the copy as `plugin_scp` until it succeeds; how far the product's peak memory grew meanwhile.</summary>
    private async Task<long> CopyAsync(ApiClient app, Dictionary<string, object?> body)
    {
        body.Remove("plugin_type");
        body["timeout"] = "600";
        var memory = PeakMemory.Of(product.Process.Pid);
        var started = await StartScpAsync(app, 0, body);
        Assert.Equal("success", (await WaitFinishedAsync(app, 0, started.GetProperty("uuid").GetString()!)).Status());
        return memory.GrowthBytes();
    }

    private static async Task<string> Md5Async(string path)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await MD5.HashDataAsync(stream));
    }
}
