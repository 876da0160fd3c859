using System.Security.Cryptography;
using OpenC3.IntegrationTests.Resources;
using OpenC3.TestSupport;
using static OpenC3.IntegrationTests.Execution.ExecutionKit;
using static OpenC3.IntegrationTests.Resources.ResourceTestKit;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>Copies stream through the silo: the product's peak memory grows far less than the size of what it copies.</summary>
public sealed class ScpStreamingTests(ExecutionProduct product) : IClassFixture<ExecutionProduct>
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
        var memory = PeakMemory.Of(product.Process.Pid);
        var fromFiles = Scp("big", "fileserver", string.Empty, file, TestServers.SshHosts.Skip(29).Take(3), stored + "/");
        fromFiles.Remove("plugin_type");
        fromFiles["timeout"] = "600";
        var first = await StartScpAsync(app, 0, fromFiles);
        Assert.Equal("success", (await WaitFinishedAsync(app, 0, first.GetProperty("uuid").GetString()!)).Status());
        Assert.True(memory.GrowthBytes() < Allowed, $"peak memory grew by {memory.GrowthBytes() / 1024 / 1024} MiB copying 200 MiB from the file server to 3 hosts");
        Assert.Equal(expected, await Md5Async($"{stored}/{file}"));

        // From a host, the source only sends as far as the silo has granted, however fast it could send.
        var copied = ScpStepTests.Scratch($"again-{tag}");
        memory = PeakMemory.Of(product.Process.Pid);
        var fromHost = Scp("again", "builtin", TestServers.SshHosts[32], $"{stored}/{file}", [TestServers.SshHosts[33]], copied + "/");
        fromHost.Remove("plugin_type");
        fromHost["timeout"] = "600";
        var second = await StartScpAsync(app, 0, fromHost);
        Assert.Equal("success", (await WaitFinishedAsync(app, 0, second.GetProperty("uuid").GetString()!)).Status());
        Assert.True(memory.GrowthBytes() < Allowed, $"peak memory grew by {memory.GrowthBytes() / 1024 / 1024} MiB copying 200 MiB from a host");
        Assert.Equal(expected, await Md5Async($"{copied}/{file}"));
        Directory.Delete(stored, recursive: true);
        Directory.Delete(copied, recursive: true);
    }

    private static async Task<string> Md5Async(string path)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await MD5.HashDataAsync(stream));
    }
}
