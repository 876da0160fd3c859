using System.Security.Cryptography;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// The quick send-file page's "download" (`quickentry/sendfile/sendfile.controller.js startDownloadTask`): an scp
/// task with dst_type `fileserver` copies one file of one source host into the node's file server, where the page's
/// `GET /fileserver/:p` lists it and downloads read it. Against the sshd farm, whose hosts share this machine's disk.
/// </summary>
[Collection(SharedProducts.SqliteExecution)]
public sealed class ScpIntoFileServerTests(ExecutionProduct product)
{
    /// <summary>Shell and HTML metacharacters, spaces and non-ASCII: a name is data all the way.</summary>
    private const string HostileName = "x $(touch pwned) ;`id` \"q\" <b>&amp; ü.bin";

    [Fact]
    public async Task PageShapedDownload_StoresTheHostsFileUnderItsName_ListedAndDownloadedIdentically()
    {
        using var app = product.App();
        var node = Random.Shared.Next(5000, 900000);
        var host = TestServers.SshHosts[40];
        Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name = host })).Stat());
        var dir = ScpStepTests.Scratch($"in-{Guid.NewGuid().ToString("N")[..8]}");
        var content = Enumerable.Range(0, 256).Select(b => (byte)b).Concat(RandomNumberGenerator.GetBytes(300_000)).ToArray();
        // A second copy of the same name replaces the first, as an upload replaces it.
        foreach (var bytes in new[] { "older"u8.ToArray(), content })
        {
            await File.WriteAllBytesAsync($"{dir}/{HostileName}", bytes);
            var started = await StartScpAsync(app, node, PageDownload(host, $"{dir}/{HostileName}"));
            Assert.Equal("success", (await WaitFinishedAsync(app, node, started.GetProperty("uuid").GetString()!)).Status());
        }

        var row = Assert.Single((await app.GetAsync($"{J}/fileserver/{node}")).Rows());
        Assert.Equal(
            (HostileName, content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Convert.ToHexStringLower(MD5.HashData(content))),
            (row.GetProperty("name").GetString(), row.GetProperty("size").GetString(), row.GetProperty("md5").GetString()));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{J}/fileserver/{node}/download?name={Uri.EscapeDataString(HostileName)}");
        request.Headers.Accept.ParseAdd("application/octet-stream");
        using var download = await app.Http.SendAsync(request);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());

        using var admin = await product.AdminAsync();
        var audit = (await admin.GetAsync($"/api/connector/connectorx/auditlog?content={Uri.EscapeDataString($"TREEID:{node} FILENAME:{HostileName}")}")).Rows();
        Assert.Contains("SCP FILE TO FILESERVER", audit.Select(r => r.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task ADirectory_AForeignHost_AndABadName_AreRefusedWithReasons()
    {
        using var app = product.App();
        var node = Random.Shared.Next(5000, 900000);
        var (own, foreign) = (TestServers.SshHosts[41], TestServers.SshHosts[42]);
        Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name = own })).Stat());
        var dir = ScpStepTests.Scratch($"in-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory($"{dir}/folder");
        await File.WriteAllTextAsync($"{dir}/plain.txt", "plain");

        // A directory named without a trailing `/` is only found to be one on the host: the step fails, saying so.
        var folder = await StartScpAsync(app, node, PageDownload(own, $"{dir}/folder"));
        Assert.Equal("fail", (await WaitFinishedAsync(app, node, folder.GetProperty("uuid").GetString()!)).Status());
        var folderLog = await LiveLog.ReadAsync(product.BaseUrl, folder.GetProperty("loguuid").GetString()!, "substatus");
        Assert.Contains($"{own}:{dir}/folder is a directory: only a single regular file can be stored in the file server", folderLog, StringComparison.Ordinal);
        Assert.Equal("dst_type fileserver stores a single file: sp must not be a directory", (await app.PostAsync($"{J}/task/{node}/plugin_scp", PageDownload(own, $"{dir}/folder/"))).Info());

        // The tree guard still covers the source host.
        var offTree = await StartScpAsync(app, node, PageDownload(foreign, $"{dir}/plain.txt"));
        Assert.Equal("fail", (await WaitFinishedAsync(app, node, offTree.GetProperty("uuid").GetString()!)).Status());
        Assert.Contains($"the node not on tree: {foreign}", await LiveLog.ReadAsync(product.BaseUrl, offTree.GetProperty("loguuid").GetString()!, "substatus"), StringComparison.Ordinal);

        // The stored name is sp's base name and must be a file server name; the file server is no source.
        Assert.Equal("sp format error: its file name is not a valid file server name", (await app.PostAsync($"{J}/task/{node}/plugin_scp", PageDownload(own, $"{dir}/it's.txt"))).Info());
        Assert.Equal("sp format error: its file name is not a valid file server name", (await app.PostAsync($"{J}/task/{node}/plugin_scp", PageDownload(own, $"{dir}/.."))).Info());
        var fromFiles = PageDownload(own, "plain.txt");
        fromFiles["src_type"] = "fileserver";
        Assert.Equal("dst_type fileserver needs source hosts, not a file of the file server", (await app.PostAsync($"{J}/task/{node}/plugin_scp", fromFiles)).Info());
        Assert.Empty((await app.GetAsync($"{J}/fileserver/{node}")).Rows());
    }

    /// <summary>What `startDownloadTask` posts: dp is a fixed temp folder that upstream replaces, dst repeats the host (the task name, which also carries the path, is shortened to fit its 100 characters).</summary>
    private static Dictionary<string, object?> PageDownload(string host, string path) => new()
    {
        ["chmod"] = "644",
        ["chown"] = TestServers.SshUser,
        ["dp"] = "/tmp/abc/",
        ["dst"] = host,
        ["dst_type"] = "fileserver",
        ["name"] = $"sendfile_download_{host}",
        ["sp"] = path,
        ["src"] = host,
        ["src_type"] = "builtin",
        ["timeout"] = 300,
        ["user"] = TestServers.SshUser,
    };
}
