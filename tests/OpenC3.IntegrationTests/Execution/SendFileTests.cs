using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// The file manager (`/sendfile/list|unlink/:treeid`) on a real host of the sshd farm, in a directory holding names a
/// shell would act on. Each of those names, if a shell ever evaluated it, would create the canary file; it never appears.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Collection(SharedProducts.SqliteExecution)]
public sealed class SendFileTests(ExecutionProduct product) : IDisposable
{
    private const UnixFileMode Shared = (UnixFileMode)0x1FF;
    private const UnixFileMode ReadWrite = (UnixFileMode)0x1A4;

    private readonly DirectoryInfo directory = SharedDirectory();

    private string Canary => Path.Combine(directory.FullName, "canary");

    /// <summary>Names a shell would split, quote, chain or substitute; the substitutions would create <see cref="Canary"/>.</summary>
    private string[] HostileNames
    {
        get
        {
            var canary = Canary.Replace("/", "\\057", StringComparison.Ordinal);
            return
            [
                "with space.txt", "quote'single", "quote\"double", $"$(touch \"$(printf '{canary}')\")", $"semi; touch \"$(printf '{canary}')\" #",
                "new\nline", "trailing-newline\n", "`id`", "-dash",
            ];
        }
    }

    [Fact]
    public async Task List_ShowsEveryNameAsData_WithTypeSizeModeAndTime_AndTheSpecsTypoAnswersToo()
    {
        using var app = product.App();
        var (node, host) = await NodeWithHostAsync(app, 40);
        PopulateDirectory();

        foreach (var route in new[] { "sendfile", "sendile" })
        {
            var reply = await app.GetAsync($"{J}/{route}/list/{node}?sudo={TestServers.SshUser}&path={Uri.EscapeDataString(host + directory.FullName)}");
            var rows = reply.Rows();
            Assert.Equal("""{"type":"parent","info":"..","path":".."}""", rows[0].GetRawText());
            var byName = rows.Skip(1).ToDictionary(r => r.Text("path"));
            Assert.Equal(HostileNames.Append("link").Append("sub").Order(StringComparer.Ordinal), byName.Keys.Order(StringComparer.Ordinal));
            foreach (var name in HostileNames)
            {
                var row = byName[name];
                Assert.Equal("file", row.Text("type"));
                Assert.Equal(host, row.Text("host"));
                Assert.Equal(JsonValueKind.Number, row.GetProperty("size").ValueKind);
                Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(name), row.GetProperty("size").GetInt64());
                Assert.Equal("644", row.Text("mode"));
                Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", row.Text("mtime"));
                Assert.EndsWith(" " + name, row.Text("info"), StringComparison.Ordinal);
            }

            Assert.Equal("link", byName["link"].Text("type"));
            Assert.Equal("with space.txt", byName["link"].Text("link"));
            Assert.Equal("dir", byName["sub"].Text("type"));
        }

        // `..` is the host's business: the tree point governs the host, the account the files.
        var viaParent = await app.GetAsync($"{J}/sendfile/list/{node}?sudo={TestServers.SshUser}&path={Uri.EscapeDataString(host + directory.FullName + "/sub/..")}");
        Assert.Equal(HostileNames.Length + 3, viaParent.Rows().Count);
        Assert.False(File.Exists(Canary), "a name was evaluated by a shell");
    }

    [Fact]
    public async Task Unlink_RemovesOnlyTheNamedFile_WhateverItsName_AndIsAudited()
    {
        using var app = product.App();
        var (node, host) = await NodeWithHostAsync(app, 41);
        PopulateDirectory();
        var doomed = HostileNames.Where(n => n.Contains("touch", StringComparison.Ordinal) || n.Contains('\n', StringComparison.Ordinal)).ToList();
        Assert.Equal(4, doomed.Count);

        foreach (var (name, index) in doomed.Select((n, i) => (n, i)))
        {
            // The spec spells the field `paht`; the page sends `path`.
            var field = index % 2 == 0 ? "path" : "paht";
            var reply = await app.PostAsync($"{J}/sendfile/unlink/{node}", new Dictionary<string, string> { [field] = $"{host}{directory.FullName}/{name}", ["sudo"] = TestServers.SshUser });
            Assert.True(reply.Stat(), reply.ToString());
            Assert.Equal("ok", reply.Info());
        }

        var left = directory.EnumerateFileSystemInfos().Select(f => f.Name).Order(StringComparer.Ordinal);
        Assert.Equal(HostileNames.Except(doomed).Append("link").Append("sub").Order(StringComparer.Ordinal), left);
        Assert.False(File.Exists(Canary), "a name was evaluated by a shell");
        Assert.NotEmpty(await AuditAsync(product, "UNLINK FILE", $"TREEID:{node} SUDO:{TestServers.SshUser} PATH:{host}{directory.FullName}/$(touch"));

        var folder = await app.PostAsync($"{J}/sendfile/unlink/{node}", new { path = $"{host}{directory.FullName}/sub", sudo = TestServers.SshUser });
        Assert.False(folder.Stat());
        Assert.Contains("Is a directory", folder.Info(), StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(directory.FullName, "sub")));
        var missing = await app.PostAsync($"{J}/sendfile/unlink/{node}", new { path = $"{host}{directory.FullName}/{doomed[0]}", sudo = TestServers.SshUser });
        Assert.False(missing.Stat());
        Assert.Contains("No such file", missing.Info(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserWithoutGrant_AndHostsNotOnTheNode_AreRefused_AndNothingIsRemoved()
    {
        using var app = product.App();
        var (node, host) = await NodeWithHostAsync(app, 42);
        var foreign = TestServers.SshHosts[43];
        PopulateDirectory();
        var file = $"{directory.FullName}/with space.txt";

        using var stranger = await UserAsync(product, null, 0);
        var listing = await stranger.GetAsync($"{J}/sendfile/list/{node}?sudo={TestServers.SshUser}&path={Uri.EscapeDataString(host + directory.FullName)}");
        Assert.Equal("Unauthorized", listing.Info());
        Assert.Equal("Unauthorized", (await stranger.PostAsync($"{J}/sendfile/unlink/{node}", new { path = host + file, sudo = TestServers.SshUser })).Info());

        var offTree = await app.GetAsync($"{J}/sendfile/list/{node}?sudo={TestServers.SshUser}&path={Uri.EscapeDataString(foreign + directory.FullName)}");
        Assert.Equal($"the node not on tree: {foreign}", offTree.Info());
        Assert.Equal($"the node not on tree: {foreign}", (await app.PostAsync($"{J}/sendfile/unlink/{node}", new { path = foreign + file, sudo = TestServers.SshUser })).Info());

        var badAccount = await app.PostAsync($"{J}/sendfile/unlink/{node}", new { path = host + file, sudo = "root;id" });
        Assert.Equal("check format fail sudo format error (?^:^[A-Za-z0-9_-]+$)", badAccount.Info());
        Assert.Equal("check format fail path undef", (await app.PostAsync($"{J}/sendfile/unlink/{node}", new { sudo = TestServers.SshUser })).Info());
        Assert.True(File.Exists(file));
    }

    /// <summary>The directory belongs to the farm's sudo account, mode 700: the SSH login cannot enter it.</summary>
    [Fact]
    public async Task APrivateDirectory_IsListedOnlyAsTheSudoAccount_AndAMissingOneSaysSo()
    {
        using var app = product.App();
        var (node, host) = await NodeWithHostAsync(app, 44);
        var secret = directory.CreateSubdirectory("private");
        File.WriteAllText(Path.Combine(secret.FullName, "inside"), "x");
        secret.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        using (var chown = System.Diagnostics.Process.Start("chown", ["-R", TestServers.SudoUser, secret.FullName]))
        {
            await chown.WaitForExitAsync();
            Assert.Equal(0, chown.ExitCode);
        }

        var path = Uri.EscapeDataString(host + secret.FullName);

        var asLogin = await app.GetAsync($"{J}/sendfile/list/{node}?sudo={TestServers.SshUser}&path={path}");
        Assert.False(asLogin.Stat(), asLogin.ToString());
        Assert.Contains("Permission denied", asLogin.Info(), StringComparison.Ordinal);
        var asOwner = await app.GetAsync($"{J}/sendfile/list/{node}?sudo={TestServers.SudoUser}&path={path}");
        Assert.Equal(["..", "inside"], asOwner.Rows().Select(r => r.Text("path")));
        var absent = await app.GetAsync($"{J}/sendfile/list/{node}?sudo={TestServers.SshUser}&path={Uri.EscapeDataString(host + secret.FullName + "-absent")}");
        Assert.Equal($"{secret.FullName}-absent: No such directory", absent.Info());
    }

    [Fact]
    public async Task ByMonitor_AnswersAsUpstreamWithoutAMonitorModule()
    {
        using var app = product.App();
        Assert.Equal("check format fail jobname undef", (await app.GetAsync($"{J}/task/0/job/bymon")).Info());
        var reply = await app.GetAsync($"{J}/task/0/job/bymon?jobname=heal&endpoint=10.0.0.1&tpl_id=1&exp_id=2");
        Assert.False(reply.Stat());
        Assert.Equal("projectid, jobname nomatch", reply.Info());
    }

    public void Dispose() => directory.Delete(recursive: true);

    private static DirectoryInfo SharedDirectory()
    {
        var created = Directory.CreateTempSubdirectory("openc3-sendfile-");
        created.UnixFileMode = Shared;
        return created;
    }

    private async Task<(long Node, string Host)> NodeWithHostAsync(ApiClient app, int hostIndex)
    {
        var node = await NewNodeAsync(product);
        var host = TestServers.SshHosts[hostIndex];
        Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name = host })).Stat());
        return (node, host);
    }

    /// <summary>Each hostile name as a file holding its own name (so its size is known), a link to one and a subdirectory.</summary>
    private void PopulateDirectory()
    {
        foreach (var name in HostileNames)
        {
            var file = Path.Combine(directory.FullName, name);
            File.WriteAllText(file, name);
            File.SetUnixFileMode(file, ReadWrite);
        }

        File.CreateSymbolicLink(Path.Combine(directory.FullName, "link"), "with space.txt");
        directory.CreateSubdirectory("sub").UnixFileMode = Shared;
    }
}
